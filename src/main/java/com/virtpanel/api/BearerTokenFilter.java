package com.virtpanel.api;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.Sha256;
import com.virtpanel.base.security.SecondFactorPassed;
import com.virtpanel.base.throttle.RateLimiter;
import com.virtpanel.account.ApiTokenService;
import com.virtpanel.account.PanelUser;
import com.virtpanel.account.TokenCheck;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <token>} and, when the token is valid, signs the request
 * in as its account for this request only (the chain is stateless). A presented token that is
 * wrong is a 401 at once, counted against the client's IP like a failed login; a valid one is
 * rate limited per token.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokenService tokens;
    private final RateLimiter perToken;
    private final RateLimiter perIp;
    private final Problems problems;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerTokenFilter(ApiTokenService tokens, RateLimiter perToken, RateLimiter perIp, Problems problems) {
        this.tokens = tokens;
        this.perToken = perToken;
        this.perIp = perIp;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        String token = bearer(header);
        TokenCheck check = token == null ? new TokenCheck.Refused(TokenCheck.Reason.UNKNOWN, null) : tokens.check(token);
        if (check instanceof TokenCheck.Refused refused) {
            long wait = perIp.acquire(AuthRateLimitFilter.ipKey(request));
            if (wait > 0) {
                AuthRateLimitFilter.tooMany(problems, request, response, wait);
                return;
            }
            refuse(request, response, refused);
            return;
        }
        long wait = perToken.acquire("token:" + sha256(token));
        if (wait > 0) {
            AuthRateLimitFilter.tooMany(problems, request, response, wait);
            return;
        }
        PanelUser principal = ((TokenCheck.Valid) check).user();
        SecurityContext context = contexts.createEmptyContext();
        // A token is only handed out after the second factor the account's rules ask for (the
        // exchange asks for the code; the account page only to a sign-in that passed one).
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                SecondFactorPassed.with(principal.getAuthorities())));
        contexts.setContext(context);
        chain.doFilter(request, response);
    }

    /**
     * 401 with a problem type per reason ({@code token-expired}, {@code token-revoked},
     * {@code invalid-token}) and RFC 6750's {@code error="invalid_token"} challenge.
     */
    private void refuse(HttpServletRequest request, HttpServletResponse response, TokenCheck.Refused refused)
            throws IOException {
        String type;
        UserMessage detail;
        switch (refused.reason()) {
            case EXPIRED -> {
                type = "token-expired";
                detail = UserMessage.of("error.api.token-expired", refused.expiredAt(), ApiSecurityConfig.TOKEN);
            }
            case REVOKED -> {
                type = "token-revoked";
                detail = UserMessage.of("error.api.token-revoked");
            }
            case SUSPENDED -> {
                type = "invalid-token";
                detail = UserMessage.of("error.api.token-account-suspended");
            }
            default -> {
                type = "invalid-token";
                detail = UserMessage.of("error.api.token-invalid");
            }
        }
        problems.write(request, response, HttpStatus.UNAUTHORIZED, type, "Unauthorized", detail,
                Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"virtpanel\", error=\"invalid_token\", error_description=\""
                        + type.replace('-', ' ') + "\""));
    }

    /** The token of a "Bearer" header (scheme case-insensitive, RFC 6750), or null. */
    static String bearer(String header) {
        String trimmed = header.trim();
        if (trimmed.length() < 8 || !trimmed.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = trimmed.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    /** Bucket keys are hashes, so the limiter never holds secrets in memory. */
    private static String sha256(String token) {
        return Sha256.hex(token);
    }
}
