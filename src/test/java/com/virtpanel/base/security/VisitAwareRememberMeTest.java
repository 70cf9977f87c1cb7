package com.virtpanel.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.switchuser.SwitchUserGrantedAuthority;

class VisitAwareRememberMeTest {

    final RememberMeTokens tokens = mock(RememberMeTokens.class);
    final VisitAwareRememberMe rememberMe = new VisitAwareRememberMe("key", mock(UserDetailsService.class), tokens,
            new TrackedSessionRegistry());

    {
        rememberMe.setParameter(RememberMe.PARAMETER);
    }

    static MockHttpServletRequest withCookieOfSeries(String series) {
        var request = new MockHttpServletRequest();
        String value = java.util.Base64.getEncoder().withoutPadding()
                .encodeToString((series + ":token").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        request.setCookies(new jakarta.servlet.http.Cookie(RememberMe.COOKIE, value));
        return request;
    }

    @Test
    void signingOutDuringASupportVisitForgetsOnlyThisBrowsersLoginNeverTheCustomers() {
        Authentication staff = UsernamePasswordAuthenticationToken.authenticated("staff@example.com", null,
                List.of(new SimpleGrantedAuthority("ROLE_SUPPORT")));
        Authentication visit = UsernamePasswordAuthenticationToken.authenticated("customer@example.com", null,
                List.of(new SimpleGrantedAuthority("ROLE_CUSTOMER"),
                        new SwitchUserGrantedAuthority("ROLE_PREVIOUS_ADMINISTRATOR", staff)));

        rememberMe.logout(withCookieOfSeries("staff-laptop"), new MockHttpServletResponse(), visit);

        verify(tokens).removeSeries("staff-laptop");
        verifyNoMoreInteractions(tokens);
    }

    @Test
    void signingOutForgetsThisBrowsersRememberMeAndLeavesTheUsersOtherBrowsers() {
        Authentication customer = UsernamePasswordAuthenticationToken.authenticated("customer@example.com", null,
                List.of(new SimpleGrantedAuthority("ROLE_CUSTOMER")));
        var response = new MockHttpServletResponse();

        rememberMe.logout(withCookieOfSeries("laptop"), response, customer);

        verify(tokens).removeSeries("laptop");
        verifyNoMoreInteractions(tokens);
        assertThat(response.getCookie(RememberMe.COOKIE).getMaxAge()).as("the cookie is cancelled").isZero();
    }

    @Test
    void aCustomerIsRememberedOnlyWhenTheyTickKeepMeSignedIn() {
        Authentication customer = UsernamePasswordAuthenticationToken.authenticated("customer@example.com", null,
                List.of(new SimpleGrantedAuthority("ROLE_CUSTOMER")));

        var unticked = new MockHttpServletResponse();
        rememberMe.loginSuccess(new MockHttpServletRequest("POST", "/login"), unticked, customer);
        assertThat(unticked.getCookie(RememberMe.COOKIE)).isNull();

        var ticked = new MockHttpServletRequest("POST", "/login");
        ticked.setParameter(RememberMe.PARAMETER, "on");
        var response = new MockHttpServletResponse();
        rememberMe.loginSuccess(ticked, response, customer);
        assertThat(response.getCookie(RememberMe.COOKIE)).isNotNull();
        assertThat(response.getCookie(RememberMe.COOKIE).getMaxAge()).isEqualTo(14 * 24 * 3600);
        verify(tokens).createNewToken(any());
    }

    @Test
    void staffAreNeverRememberedEvenWhenTheyAsk() {
        Authentication admin = UsernamePasswordAuthenticationToken.authenticated("admin@example.com", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN")));
        var ticked = new MockHttpServletRequest("POST", "/login");
        ticked.setParameter(RememberMe.PARAMETER, "on");
        var response = new MockHttpServletResponse();

        rememberMe.loginSuccess(ticked, response, admin);

        assertThat(response.getCookie(RememberMe.COOKIE)).isNull();
        verify(tokens, never()).createNewToken(any());
    }

    @Test
    void theCookiesSeriesIsReadBack() {
        var request = new MockHttpServletRequest();
        String value = java.util.Base64.getEncoder().withoutPadding()
                .encodeToString("c2VyaWVz%2B%3D%3D:dG9rZW4%3D".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        request.setCookies(new jakarta.servlet.http.Cookie(RememberMe.COOKIE, value));
        assertThat(RememberMe.series(request)).contains("c2VyaWVz+==");
        assertThat(RememberMe.seriesOf("not base64 !")).isEmpty();
    }
}
