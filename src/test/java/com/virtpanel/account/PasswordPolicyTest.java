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

    @Test
    void theEstimatorRefusesCommonPatternsWithAClearReason() {
        for (String weak : new String[] {"Password2024!", "Summer2024!", "qwertyuiop1", "1q2w3e4r5t6y", "Virtpanel-2024"}) {
            assertThatThrownBy(() -> PasswordPolicy.check("password", weak, "a@b.c")).as(weak)
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("too easy to guess")
                    .hasMessageContaining("Choose a longer, less common one");
        }
    }

    @Test
    void longPassphrasesAndRandomStringsPass() {
        for (String strong : new String[] {"Test-root-pass-42", "Tr0ub4dor&3x", "Kx7pQ2mZr9TtWb4nHs3c", "velvet tractor 9 lemons"}) {
            assertThatCode(() -> PasswordPolicy.check("password", strong, "a@b.c")).as(strong).doesNotThrowAnyException();
        }
    }

    @Test
    void partsOfTheEmailCountForNothingInTheEstimate() {
        assertThatThrownBy(() -> PasswordPolicy.check("password", "Jonathan.Smithers-12", "jonathan.smithers.work@example.com"))
                .hasMessageContaining("too easy to guess").hasMessageContaining("your email address");
    }
}
