package com.virtpanel.account;

import com.virtpanel.base.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Password strength rules, in the spirit of NIST 800-63B: length matters most, no forced
 * symbol soup, but refuse the passwords every attacker tries first and ones made of the email.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    /** bcrypt reads at most 72 bytes; a longer password would be cut (or refused) silently. */
    static final int MAX_BYTES = 72;

    private static final Set<String> COMMON = Set.of("password", "password1", "password123", "1234567890",
            "12345678910", "qwertyuiop", "iloveyou12", "letmein123", "welcome123", "administrator",
            "passw0rd12", "changeme12", "1q2w3e4r5t", "abcdefghij", "0123456789", "qwerty1234");

    private PasswordPolicy() {
    }

    /** True for passwords bcrypt cannot hash whole (over 72 bytes of UTF-8). */
    static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }

    static void check(String field, String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new InvalidInputException(field, "The password must have at least " + MIN_LENGTH + " characters.");
        }
        if (tooLong(password)) {
            throw new InvalidInputException(field, "The password must be at most " + MAX_BYTES
                    + " bytes long: " + MAX_BYTES + " plain letters and digits, fewer with accents or emoji.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || password.chars().distinct().count() < 5) {
            throw new InvalidInputException(field, "This password is too easy to guess. Choose a longer, less common one.");
        }
        String local = email == null ? "" : email.toLowerCase(Locale.ROOT).split("@")[0];
        if (local.length() >= 4 && lower.contains(local)) {
            throw new InvalidInputException(field, "The password must not contain your email address.");
        }
        boolean letters = password.chars().anyMatch(Character::isLetter);
        boolean others = password.chars().anyMatch(c -> !Character.isLetter(c));
        if (!letters || !others) {
            throw new InvalidInputException(field, "Use letters and at least one digit or symbol.");
        }
    }
}
