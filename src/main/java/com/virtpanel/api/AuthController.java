package com.virtpanel.api;

import com.virtpanel.base.UserMessage;

import com.virtpanel.account.AccountService;
import com.virtpanel.account.AccountStatus;
import com.virtpanel.account.AccountSummary;
import com.virtpanel.account.ApiTokenService;
import com.virtpanel.account.IssuedToken;
import com.virtpanel.account.PanelUser;
import com.virtpanel.account.SecondFactorService;
import com.virtpanel.base.ForbiddenException;
import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.security.SignInThrottle;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-up and login for API clients. A failed login is published as Spring Security's
 * {@code AuthenticationFailureBadCredentialsEvent} (the UI's form login publishes the same
 * event), with the attempted email as the name and {@link WebAuthenticationDetails} carrying
 * the client IP, so one audit listener covers both.
 */
@RestController
@Tag(name = "Accounts", description = "Sign-up and short-lived tokens")
@SecurityRequirements
class AuthController {

    private static final int MAX_EMAIL = 254;

    private final AccountService accounts;
    private final ApiTokenService tokens;
    private final AuthenticationEventPublisher authEvents;
    private final SignInThrottle throttle;
    private final SecondFactorService secondFactors;

    AuthController(AccountService accounts, ApiTokenService tokens, AuthenticationEventPublisher authEvents,
            SignInThrottle throttle, SecondFactorService secondFactors) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.authEvents = authEvents;
        this.throttle = throttle;
        this.secondFactors = secondFactors;
    }

    @PostMapping(ApiSecurityConfig.ACCOUNTS)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a customer account")
    @ApiResponse(responseCode = "201", description = "created")
    @ApiResponse(responseCode = "400", description = "invalid email or weak password (the problem names the field)")
    @ApiResponse(responseCode = "409", description = "the email is taken")
    @ApiResponse(responseCode = "429", description = "too many attempts from this IP")
    ApiJson.Account signUp(@RequestBody Credentials body, HttpServletRequest request) {
        requireNoWait(throttle.signUpWait(request.getRemoteAddr(), body.email()));
        throttle.signUpAttempted(request.getRemoteAddr(), body.email());
        AccountSummary account = accounts.signUp(body.email(), body.password());
        return new ApiJson.Account(account.id(), account.email());
    }

    @PostMapping(ApiSecurityConfig.TOKEN)
    @Operation(summary = "Exchange email and password (and, with two-factor authentication on, a code) for a bearer "
            + "token valid for one hour")
    @ApiResponse(responseCode = "200", description = "the token, shown only here")
    @ApiResponse(responseCode = "401", description = "wrong email, password or code (bad-credentials), or the account has "
            + "two-factor authentication and no otp was sent (otp-required)")
    @ApiResponse(responseCode = "403", description = "the account is suspended, or is staff without the required second factor")
    @ApiResponse(responseCode = "429", description = "too many attempts from this IP or for this account")
    ApiJson.Token token(@RequestBody TokenRequest body, HttpServletRequest request) {
        if (body.email() == null || body.email().isBlank()) {
            throw new InvalidInputException("email", UserMessage.of("error.account.enter-email-address"));
        }
        if (body.password() == null || body.password().isEmpty()) {
            throw new InvalidInputException("password", UserMessage.of("error.api.enter-password"));
        }
        // Failures are counted by the throttle from the failure event published below.
        requireNoWait(throttle.signInWait(request.getRemoteAddr(), body.email()));
        AccountSummary account = accounts.verifyCredentials(body.email(), body.password()).orElse(null);
        if (account == null) {
            authEvents.publishAuthenticationFailure(new BadCredentialsException("Bad credentials"), attempt(body.email(), request));
            throw ApiException.badCredentials();
        }
        if (account.status() == AccountStatus.SUSPENDED) {
            throw new ForbiddenException(UserMessage.of("error.api.account-suspended-contact-support"));
        }
        if (secondFactors.isEnabled(account.id())) {
            requireSecondFactor(account, body, request);
        } else if (secondFactors.mustEnrol(account.id(), account.role())) {
            throw new ForbiddenException(UserMessage.of("error.api.staff-needs-2fa"));
        }
        IssuedToken issued = tokens.issueSessionToken(account.id());
        var user = new PanelUser(account.id(), account.email(), "", account.role(), true);
        var success = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        success.setDetails(new WebAuthenticationDetails(request.getRemoteAddr(), null));
        authEvents.publishAuthenticationSuccess(success);
        return new ApiJson.Token(issued.token(), issued.expiresAt());
    }

    /**
     * A missing code is not a failure (the client just learns that one is needed); a wrong one is,
     * and counts in the same throttle as a wrong password.
     */
    private void requireSecondFactor(AccountSummary account, TokenRequest body, HttpServletRequest request) {
        if (body.otp() == null || body.otp().isBlank()) {
            throw ApiException.otpRequired();
        }
        boolean passed;
        try {
            passed = secondFactors.verifySignIn(account.id(), body.otp());
        } catch (org.springframework.dao.OptimisticLockingFailureException raced) {
            passed = false; // the same code was just accepted for another sign-in
        }
        if (!passed) {
            authEvents.publishAuthenticationFailure(new BadCredentialsException("wrong second factor"), attempt(body.email(), request));
            throw ApiException.badOtp();
        }
    }

    private static void requireNoWait(long seconds) {
        if (seconds > 0) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                    UserMessage.of("error.api.too-many-attempts", seconds),
                    HttpHeaders.readOnlyHttpHeaders(headersWithRetryAfter(seconds)));
        }
    }

    private static HttpHeaders headersWithRetryAfter(long seconds) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return headers;
    }

    private static UsernamePasswordAuthenticationToken attempt(String email, HttpServletRequest request) {
        String name = email.trim();
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(
                name.length() > MAX_EMAIL ? name.substring(0, MAX_EMAIL) : name, null);
        attempt.setDetails(new WebAuthenticationDetails(request.getRemoteAddr(), null));
        return attempt;
    }
}
