package com.virtpanel.account;

import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for the REST API. A token is 256 random bits shown once; only its SHA-256 is
 * stored, so a database dump does not hand out API access.
 */
@Service
@Transactional
public class ApiTokenService {

    static final Duration SESSION_TOKEN_LIFETIME = Duration.ofHours(1);
    private static final String PREFIX = "vp_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;
    private final AccountRepository accounts;
    private final CurrentUser currentUser;
    private final Clock clock;

    private final SecondFactorService secondFactors;

    ApiTokenService(ApiTokenRepository tokens, AccountRepository accounts, CurrentUser currentUser,
            SecondFactorService secondFactors, Clock clock) {
        this.tokens = tokens;
        this.secondFactors = secondFactors;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** A short-lived token for an account whose credentials were just verified. */
    public IssuedToken issueSessionToken(long accountId) {
        Instant now = clock.instant();
        return issue(accountId, ApiToken.Kind.SESSION, "session", now.plus(SESSION_TOKEN_LIFETIME));
    }

    /** A personal access token for the signed-in user, optionally expiring. */
    public IssuedToken createPersonal(String name, Duration lifetime) {
        Actor actor = currentUser.requireMayChange();
        if (actor.isImpersonated()) {
            throw new com.virtpanel.base.ForbiddenException("Support cannot create API tokens for a customer.");
        }
        if (secondFactors.mustEnrol()) {
            throw new com.virtpanel.base.ForbiddenException("Set up two-factor authentication before creating API tokens.");
        }
        String label = name == null ? "" : name.trim();
        if (label.isEmpty() || label.length() > 100) {
            throw new InvalidInputException("name", "Give the token a name of 1 to 100 characters.");
        }
        Instant expires = lifetime == null ? null : clock.instant().plus(lifetime);
        return issue(actor.accountId(), ApiToken.Kind.PERSONAL, label, expires);
    }

    @Transactional(readOnly = true)
    public List<ApiTokenInfo> mine() {
        return tokens.findByAccountIdAndKindOrderByCreatedAtDesc(currentUser.require().accountId(), ApiToken.Kind.PERSONAL)
                .stream().map(ApiToken::info).toList();
    }

    public void revoke(long tokenId) {
        Actor actor = currentUser.requireMayChange();
        ApiToken token = tokens.findById(tokenId).filter(t -> t.getAccountId() == actor.accountId())
                .orElseThrow(() -> new NotFoundException("Token not found."));
        token.revoke(clock.instant());
    }

    /** The user behind a presented token, if it is valid, unexpired, unrevoked and the account active. */
    public Optional<PanelUser> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findByTokenHash(hash(presented))
                .filter(t -> t.usableAt(now))
                .flatMap(t -> {
                    t.used(now);
                    return accounts.findById(t.getAccountId());
                })
                .map(PanelUserDetailsService::toUser)
                .filter(PanelUser::active);
    }

    private IssuedToken issue(long accountId, ApiToken.Kind kind, String name, Instant expires) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + HexFormat.of().formatHex(secret);
        ApiToken saved = tokens.save(new ApiToken(accountId, kind, name, hash(token), token.substring(0, 10),
                clock.instant(), expires));
        return new IssuedToken(saved.info().id(), token, expires);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
