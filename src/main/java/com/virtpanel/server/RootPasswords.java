package com.virtpanel.server;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.apache.commons.codec.digest.Sha2Crypt;

/**
 * Generated root passwords: 20 characters of letters and digits (about 115 bits), without the
 * look-alikes 0/O, 1/l/I, so they survive being read off a screen and typed into a console.
 */
final class RootPasswords {

    static final int LENGTH = 20;
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final String SALT = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789./";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RootPasswords() {
    }

    static String generate() {
        while (true) {
            var b = new StringBuilder(LENGTH);
            for (int i = 0; i < LENGTH; i++) {
                b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            String password = b.toString();
            // every class present: some systems' password rules insist
            if (password.chars().anyMatch(Character::isLowerCase) && password.chars().anyMatch(Character::isUpperCase)
                    && password.chars().anyMatch(Character::isDigit)) {
                return password;
            }
        }
    }

    /**
     * A root password the customer chose (order, reinstall): checked, then hashed like a
     * generated one. Null or empty: none chosen, null.
     */
    static String hashChosen(String password) {
        if (password == null || password.isEmpty()) {
            return null;
        }
        if (password.length() < 10 || password.length() > 128) {
            throw new InvalidInputException("password", UserMessage.of("error.server.root-password-needs-10-128"));
        }
        if (password.chars().distinct().count() < 5) {
            throw new InvalidInputException("password", UserMessage.of("error.server.root-password-too-easy-guess"));
        }
        if (password.chars().anyMatch(c -> c < 32 || c == 127)) {
            throw new InvalidInputException("password", UserMessage.of("error.server.root-password-cannot-contain-control"));
        }
        return hash(password);
    }

    /** The one place root passwords are hashed: SHA-512 crypt ("$6$salt$…") with a 16-character salt from a SecureRandom. */
    static String hash(String password) {
        var salt = new StringBuilder("$6$");
        for (int i = 0; i < 16; i++) {
            salt.append(SALT.charAt(RANDOM.nextInt(SALT.length())));
        }
        return Sha2Crypt.sha512Crypt(password.getBytes(StandardCharsets.UTF_8), salt.toString());
    }
}
