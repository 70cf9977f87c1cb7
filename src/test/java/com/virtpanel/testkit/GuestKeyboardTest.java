package com.virtpanel.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GuestKeyboardTest {

    @Test
    void lettersDigitsAndPunctuationMapToLinuxKeyCodes() {
        assertThat(GuestKeyboard.keys('q')).containsExactly(16);
        assertThat(GuestKeyboard.keys('a')).containsExactly(30);
        assertThat(GuestKeyboard.keys('m')).containsExactly(50);
        assertThat(GuestKeyboard.keys('1')).containsExactly(2);
        assertThat(GuestKeyboard.keys('0')).containsExactly(11);
        assertThat(GuestKeyboard.keys('/')).containsExactly(53);
        assertThat(GuestKeyboard.keys(' ')).containsExactly(57);
        assertThat(GuestKeyboard.keys('\n')).containsExactly(28);
    }

    @Test
    void capitalsAndShiftedSymbolsAreTypedWithShift() {
        assertThat(GuestKeyboard.keys('Q')).containsExactly(42, 16);
        assertThat(GuestKeyboard.keys('>')).containsExactly(42, 52);
        assertThat(GuestKeyboard.keys('&')).containsExactly(42, 8);
        assertThat(GuestKeyboard.keys('_')).containsExactly(42, 12);
        assertThat(GuestKeyboard.keys('"')).containsExactly(42, 40);
    }

    @Test
    void charactersOffTheUsKeyboardAreRefused() {
        assertThatThrownBy(() -> GuestKeyboard.keys('é')).isInstanceOf(IllegalArgumentException.class);
    }
}
