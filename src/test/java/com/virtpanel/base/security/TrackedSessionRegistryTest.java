package com.virtpanel.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.session.SessionIdChangedEvent;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class TrackedSessionRegistryTest {

    final TrackedSessionRegistry registry = new TrackedSessionRegistry();

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aSignInRecordsWhereItCameFromAndKeepsItWhenTheSessionIdChanges() {
        var request = new MockHttpServletRequest("POST", "/login");
        request.setRemoteAddr("203.0.113.9");
        request.addHeader("User-Agent", "x".repeat(500));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        registry.registerNewSession("old", "alice");
        SessionOrigin origin = registry.origin("old").orElseThrow();
        assertThat(origin.address()).isEqualTo("203.0.113.9");
        assertThat(origin.userAgent()).hasSize(SessionOrigin.MAX_USER_AGENT);
        assertThat(origin.handle()).hasSize(24).isNotEqualTo("old");

        registry.onApplicationEvent(new SessionIdChangedEvent(request) {
            @Override
            public String getOldSessionId() {
                return "old";
            }

            @Override
            public String getNewSessionId() {
                return "new";
            }
        });
        assertThat(registry.origin("old")).isEmpty();
        assertThat(registry.origin("new")).contains(origin);
        assertThat(registry.getSessionInformation("new").getPrincipal()).isEqualTo("alice");
    }

    @Test
    void aRememberMeCookieWrittenAfterSignInIsLinkedToTheSessionAndForgottenWithIt() {
        var request = new MockHttpServletRequest("POST", "/login");
        var session = new MockHttpSession(null, "s1");
        request.setSession(session);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        registry.registerNewSession("s1", "alice");

        registry.rememberMeCookieSet(request, "series-1");
        assertThat(registry.origin("s1").orElseThrow().rememberMeSeries()).isEqualTo("series-1");

        registry.onApplicationEvent(new HttpSessionDestroyedEvent(session));
        assertThat(registry.origin("s1")).isEmpty();
        assertThat(registry.getSessionInformation("s1")).isNull();
    }
}
