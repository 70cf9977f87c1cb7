package com.virtpanel.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;

class SecondStepHandlerTest {

    private final Instant now = Instant.parse("2026-12-03T07:00:00Z");
    private final SecondStepHandler handler = new SecondStepHandler(Clock.fixed(now, ZoneOffset.UTC));

    @Test
    void aRightPasswordWithASecondFactorLeavesAPendingSignInUnderANewSessionIdAndGoesToTheCodeStep() throws Exception {
        var request = new MockHttpServletRequest("POST", "/login");
        request.setParameter("remember-me", "on");
        String before = request.getSession(true).getId();
        var response = new MockHttpServletResponse();

        handler.onAuthenticationFailure(request, response, new SecondStepRequired(7, "alice@example.com"));

        assertThat(response.getRedirectedUrl()).isEqualTo("/login/code");
        assertThat(request.getSession().getId()).isNotEqualTo(before);
        assertThat(PendingSignIn.in(request.getSession(), now))
                .contains(new PendingSignIn(7, "alice@example.com", true, now));
    }

    @Test
    void aPendingSignInIsForgottenAfterFiveMinutes() throws Exception {
        var request = new MockHttpServletRequest("POST", "/login");
        handler.onAuthenticationFailure(request, new MockHttpServletResponse(), new SecondStepRequired(7, "alice@example.com"));

        assertThat(PendingSignIn.in(request.getSession(), now.plus(PendingSignIn.LIFETIME))).isPresent();
        assertThat(PendingSignIn.in(request.getSession(), now.plus(PendingSignIn.LIFETIME).plusSeconds(1))).isEmpty();
        assertThat(PendingSignIn.in(request.getSession(), now)).isEmpty();
    }

    @Test
    void aWrongPasswordGoesBackToTheLoginPageAndLeavesNothingPending() throws Exception {
        var request = new MockHttpServletRequest("POST", "/login");
        var response = new MockHttpServletResponse();

        handler.onAuthenticationFailure(request, response, new BadCredentialsException("wrong"));

        assertThat(response.getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(PendingSignIn.in(request.getSession(false), now)).isEmpty();
    }
}
