package com.virtpanel.base.security;

import static org.mockito.Mockito.mock;
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
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.security.web.authentication.switchuser.SwitchUserGrantedAuthority;

class VisitAwareRememberMeTest {

    final PersistentTokenRepository tokens = mock(PersistentTokenRepository.class);
    final VisitAwareRememberMe rememberMe = new VisitAwareRememberMe("key", mock(UserDetailsService.class), tokens);

    @Test
    void signingOutDuringASupportVisitForgetsTheStaffMembersRememberMeNotTheCustomers() {
        Authentication staff = UsernamePasswordAuthenticationToken.authenticated("staff@example.com", null,
                List.of(new SimpleGrantedAuthority("ROLE_SUPPORT")));
        Authentication visit = UsernamePasswordAuthenticationToken.authenticated("customer@example.com", null,
                List.of(new SimpleGrantedAuthority("ROLE_CUSTOMER"),
                        new SwitchUserGrantedAuthority("ROLE_PREVIOUS_ADMINISTRATOR", staff)));

        rememberMe.logout(new MockHttpServletRequest(), new MockHttpServletResponse(), visit);

        verify(tokens).removeUserTokens("staff@example.com");
        verifyNoMoreInteractions(tokens);
    }

    @Test
    void signingOutOtherwiseForgetsTheSignedInUsersRememberMe() {
        Authentication customer = UsernamePasswordAuthenticationToken.authenticated("customer@example.com", null,
                List.of(new SimpleGrantedAuthority("ROLE_CUSTOMER")));

        rememberMe.logout(new MockHttpServletRequest(), new MockHttpServletResponse(), customer);

        verify(tokens).removeUserTokens("customer@example.com");
    }
}
