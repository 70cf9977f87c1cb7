package com.virtpanel.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryCodesTest {

    @Test
    void tenDistinctCodesOfSixteenCharactersInGroupsOfFour() {
        List<String> codes = RecoveryCodes.generate();
        assertThat(codes).hasSize(10);
        assertThat(new HashSet<>(codes)).hasSize(10);
        assertThat(codes).allMatch(c -> c.matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}"));
        assertThat(codes).allMatch(RecoveryCodes::plausible);
    }

    @Test
    void caseSpacesAndDashesDoNotMatterWhenTypingOneIn() {
        String code = RecoveryCodes.generate().get(0);
        String typed = code.replace("-", " ").toUpperCase();
        assertThat(RecoveryCodes.hash(typed)).isEqualTo(RecoveryCodes.hash(code));
        assertThat(RecoveryCodes.plausible(typed)).isTrue();
    }

    @Test
    void onlyTheHashIsKeptAndItDiffersPerCode() {
        List<String> codes = RecoveryCodes.generate();
        assertThat(RecoveryCodes.hash(codes.get(0))).matches("[0-9a-f]{64}").isNotEqualTo(RecoveryCodes.hash(codes.get(1)))
                .doesNotContain(codes.get(0));
    }

    @Test
    void sixDigitCodesAndJunkAreNotRecoveryCodes() {
        assertThat(RecoveryCodes.plausible("123456")).isFalse();
        assertThat(RecoveryCodes.plausible(null)).isFalse();
        assertThat(RecoveryCodes.plausible("abcd-efgh-ijkl-mnop")).isFalse(); // i and l are not in the alphabet
    }
}
