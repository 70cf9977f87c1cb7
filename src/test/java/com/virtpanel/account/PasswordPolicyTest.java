package com.virtpanel.account;

import static org.assertj.core.api.Assertions.assertThat;
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

    @Test
    void passwordsLongerThanBcryptsSeventyTwoBytesAreRefusedWithAFieldError() {
        assertThatCode(() -> PasswordPolicy.check("password", "Correct-horse-42-" + "x".repeat(55), "a@b.c")).doesNotThrowAnyException();
        assertThatThrownBy(() -> PasswordPolicy.check("newPassword", "Correct-horse-42-" + "x".repeat(56), "a@b.c"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("newPassword"))
                .hasMessageContaining("at most 72 bytes");
        // 36 characters, but 72 bytes of UTF-8 plus one more multi-byte letter
        assertThatThrownBy(() -> PasswordPolicy.check("password", "Kö-" + "é".repeat(35), "a@b.c")).hasMessageContaining("72 bytes");
    }
}
