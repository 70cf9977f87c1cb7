package com.virtpanel.account;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.NotFoundException;
import com.virtpanel.base.Sha256;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
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
    /** A token's last use is written at most this often, not on every API call. */
    static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);
    static final Duration LONGEST_LIFETIME = Duration.ofDays(366);
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

    /**
     * A personal access token for the signed-in user; a null lifetime never expires (the account
     * page offers {@link TokenLifetime}s, 90 days unless chosen otherwise).
     */
    public IssuedToken createPersonal(String name, Duration lifetime) {
        Actor actor = currentUser.requireMayChange();
        if (actor.isImpersonated()) {
            throw new com.virtpanel.base.ForbiddenException(UserMessage.of("error.account.support-cannot-create-tokens"));
        }
        if (secondFactors.mustEnrol()) {
            throw new com.virtpanel.base.ForbiddenException(UserMessage.of("error.account.tokens-need-2fa"));
        }
        String label = name == null ? "" : name.trim();
        if (label.isEmpty() || label.length() > 100) {
            throw new InvalidInputException("name", UserMessage.of("error.account.give-token-name-1-100"));
        }
        if (lifetime != null && (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(LONGEST_LIFETIME) > 0)) {
            throw new InvalidInputException("lifetime", UserMessage.of("error.account.token-lives-at-most-year"));
        }
        Instant expires = lifetime == null ? null : clock.instant().plus(lifetime);
        return issue(actor.accountId(), ApiToken.Kind.PERSONAL, label, expires);
    }

    @Transactional(readOnly = true)
    public List<ApiTokenInfo> mine() {
        return tokens.findByAccountIdAndKindOrderByCreatedAtDesc(currentUser.require().accountId(), ApiToken.Kind.PERSONAL)
                .stream().map(ApiToken::info).toList();
    }

    /** The hour-long tokens from the API's sign-in that still work, for the account page's session list. */
    @Transactional(readOnly = true)
    public List<ApiTokenInfo> mySessionTokens() {
        return tokens.findLive(currentUser.require().accountId(), ApiToken.Kind.SESSION, clock.instant())
                .stream().map(ApiToken::info).toList();
    }

    /** Revokes one of the signed-in user's tokens, of either kind. */
    public void revoke(long tokenId) {
        Actor actor = currentUser.requireMayChange();
        ApiToken token = tokens.findById(tokenId).filter(t -> t.getAccountId() == actor.accountId())
                .orElseThrow(() -> new NotFoundException(UserMessage.of("error.account.token-not-found")));
        token.revoke(clock.instant());
    }

    /** The user behind a presented token, if it is valid, unexpired, unrevoked and the account active. */
    public Optional<PanelUser> authenticate(String presented) {
        return check(presented) instanceof TokenCheck.Valid valid ? Optional.of(valid.user()) : Optional.empty();
    }

    /** Checks a presented token and records its use (at most once a minute); says why when it is refused. */
    public TokenCheck check(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return new TokenCheck.Refused(TokenCheck.Reason.UNKNOWN, null);
        }
        Instant now = clock.instant();
        ApiToken token = tokens.findByTokenHash(hash(presented)).orElse(null);
        if (token == null) {
            return new TokenCheck.Refused(TokenCheck.Reason.UNKNOWN, null);
        }
        if (token.isRevoked()) {
            return new TokenCheck.Refused(TokenCheck.Reason.REVOKED, null);
        }
        if (token.expiredAt(now)) {
            return new TokenCheck.Refused(TokenCheck.Reason.EXPIRED, token.getExpiresAt());
        }
        PanelUser user = accounts.findById(token.getAccountId()).map(PanelUserDetailsService::toUser)
                .filter(PanelUser::active).orElse(null);
        if (user == null) {
            return new TokenCheck.Refused(TokenCheck.Reason.SUSPENDED, null);
        }
        if (token.lastUseIsStale(now, LAST_USE_PRECISION)) {
            tokens.markUsed(token.getId(), now, now.minus(LAST_USE_PRECISION));
        }
        return new TokenCheck.Valid(user);
    }

    /** Ends the account's tokens of these kinds (a password change: all; signing out elsewhere: sessions). */
    int revokeAll(long accountId, ApiToken.Kind first, ApiToken.Kind... more) {
        return tokens.revokeAll(accountId, EnumSet.of(first, more), clock.instant());
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
        return Sha256.hex(token);
    }
}
