package com.virtpanel.account;

import com.bastiaanjansen.otp.HMACAlgorithm;
import com.bastiaanjansen.otp.SecretGenerator;
import com.bastiaanjansen.otp.TOTPGenerator;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * The rules for authenticator-app codes (RFC 6238: SHA-1, 6 digits, 30-second windows, what
 * every app speaks). The codes themselves come from otp-java; this class only decides which
 * windows count: the current one and one either side (clocks drift), and never a window at or
 * before the last one accepted, so a code seen over someone's shoulder cannot be used again.
 */
final class Totp {

    static final Duration PERIOD = Duration.ofSeconds(30);
    static final int DIGITS = 6;
    static final String ISSUER = "Virtpanel";
    private static final int DRIFT_WINDOWS = 1;

    private Totp() {
    }

    /** A new random secret, Base32 as authenticator apps expect (160 bits, RFC 4226's advice). */
    static String newSecret() {
        return new String(SecretGenerator.generate(160), StandardCharsets.US_ASCII);
    }

    /** The otpauth:// URI an app reads from the QR code. */
    static String uri(String secret, String email) {
        try {
            return generator(secret).getURI(ISSUER, email).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot build the otpauth URI", e);
        }
    }

    /** The 30-second window an instant falls in. */
    static long step(Instant at) {
        return at.getEpochSecond() / PERIOD.toSeconds();
    }

    /** The code of a window (for tests and for the window check below). */
    static String codeAt(String secret, long step) {
        return generator(secret).at(step * PERIOD.toSeconds());
    }

    /**
     * The window whose code this is, if it is a fresh one: near {@code now} and after
     * {@code lastUsedStep}. Empty for anything else, including input that is not six digits.
     */
    static OptionalLong acceptedStep(String secret, String code, Instant now, long lastUsedStep) {
        String digits = code == null ? "" : code.replaceAll("\\s", "");
        if (!digits.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        TOTPGenerator generator = generator(secret);
        long current = step(now);
        for (long step = current - DRIFT_WINDOWS; step <= current + DRIFT_WINDOWS; step++) {
            String expected = generator.at(step * PERIOD.toSeconds());
            if (step > lastUsedStep && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    digits.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** Looks like a TOTP code rather than a recovery code. */
    static boolean looksLikeCode(String input) {
        return input != null && input.replaceAll("\\s", "").matches("\\d{" + DIGITS + "}");
    }

    private static TOTPGenerator generator(String secret) {
        return new TOTPGenerator.Builder(secret.getBytes(StandardCharsets.US_ASCII))
                .withHOTPGenerator(h -> h.withPasswordLength(DIGITS).withAlgorithm(HMACAlgorithm.SHA1))
                .withPeriod(PERIOD)
                .build();
    }
}
