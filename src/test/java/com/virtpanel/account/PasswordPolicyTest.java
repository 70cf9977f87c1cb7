package com.virtpanel.account;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtpanel.base.InvalidInputException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void longVariedPasswordsPass() {
        assertThatCode(() -> PasswordPolicy.check("password", "Correct-horse-42", "alice@example.com")).doesNotThrowAnyException();
    }

    @Test
    void shortCommonRepetitiveOrEmailBasedPasswordsAreRefused() {
        assertThatThrownBy(() -> PasswordPolicy.check("password", "short1!", "a@b.c")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least 10");
        assertThatThrownBy(() -> PasswordPolicy.check("password", "password123", "a@b.c")).hasMessageContaining("easy to guess");
        assertThatThrownBy(() -> PasswordPolicy.check("password", "aaaaaaaaaaaa1", "a@b.c")).hasMessageContaining("easy to guess");
        assertThatThrownBy(() -> PasswordPolicy.check("password", "alice-rocks-99", "alice@example.com")).hasMessageContaining("email");
        assertThatThrownBy(() -> PasswordPolicy.check("password", "onlyletterswords", "a@b.c")).hasMessageContaining("digit or symbol");
    }
}
