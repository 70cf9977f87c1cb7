package com.virtpanel.account;

import com.virtpanel.base.Sha256;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Tokens for mailed links: 256 random bits, shown once (in the mail), stored only as their
 * SHA-256, single use (consumed by a conditional update, so of two simultaneous uses one wins),
 * expiring. A new token retires the account's older ones of the same purpose.
 */
@Component
class MailedLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EmailTokenRepository tokens;
    private final Clock clock;

    MailedLinks(EmailTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A new token; the caller puts it into the mail and nowhere else. */
    String issue(long accountId, EmailToken.Purpose purpose, Duration lifetime) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        tokens.retireAll(accountId, purpose, now);
        tokens.save(new EmailToken(accountId, purpose, hash(token), now, now.plus(lifetime)));
        return token;
    }

    /** The account a usable token belongs to, without using it up. */
    Optional<Long> peek(String token, EmailToken.Purpose purpose) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        return tokens.findUsable(hash(token), purpose, clock.instant()).map(EmailToken::getAccountId);
    }

    /** Uses the token up; the account it belonged to, or empty when it was unknown, used or expired. */
    Optional<Long> consume(String token, EmailToken.Purpose purpose) {
        Optional<Long> account = peek(token, purpose);
        if (account.isEmpty() || tokens.consume(hash(token), purpose, clock.instant()) != 1) {
            return Optional.empty();
        }
        return account;
    }

    private static boolean wellFormed(String token) {
        return token != null && token.length() == 43 && token.matches("[A-Za-z0-9_-]+");
    }

    static String hash(String token) {
        return Sha256.hex(token);
    }
}
