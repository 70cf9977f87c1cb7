package com.virtpanel.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;

class SuspendedSessionsTest {

    final SessionRegistryImpl registry = new SessionRegistryImpl();
    final PersistentTokenRepository rememberMe = mock(PersistentTokenRepository.class);
    final SuspendedSessions suspended = new SuspendedSessions(registry, rememberMe);

    @Test
    void aSuspensionExpiresEverySessionOfThatCustomerAndForgetsTheirRememberMeLogins() {
        PanelUser customer = new PanelUser(7, "c@example.com", "{noop}x", Role.CUSTOMER, true);
        PanelUser other = new PanelUser(8, "o@example.com", "{noop}x", Role.CUSTOMER, true);
        registry.registerNewSession("laptop", customer);
        registry.registerNewSession("phone", customer);
        registry.registerNewSession("someone-else", other);

        suspended.on(new AccountEvents.Suspended(7, "c@example.com"));

        assertThat(registry.getSessionInformation("laptop").isExpired()).isTrue();
        assertThat(registry.getSessionInformation("phone").isExpired()).isTrue();
        assertThat(registry.getSessionInformation("someone-else").isExpired()).isFalse();
        verify(rememberMe).removeUserTokens("c@example.com");
    }
}
