package com.virtpanel.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.virtpanel.base.ForbiddenException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

class CurrentUserTest {

    final AccountRepository accounts = mock(AccountRepository.class);
    final CurrentUser currentUser = new CurrentUser(accounts);

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aCustomerWhoseAccountWasSuspendedAfterSigningInMayNoLongerChangeAnything() {
        Account account = new Account("c@example.com", "{noop}x", Role.CUSTOMER, Instant.EPOCH);
        account.suspend(Instant.EPOCH);
        when(accounts.findById(7L)).thenReturn(Optional.of(account));
        // The session still holds the principal as it was at sign-in: active.
        signIn(new PanelUser(7, "c@example.com", "{noop}x", Role.CUSTOMER, true));

        assertThatThrownBy(currentUser::requireMayChange).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("suspended");
    }

    @Test
    void anActiveCustomerMayChangeThings() {
        when(accounts.findById(7L)).thenReturn(Optional.of(new Account("c@example.com", "{noop}x", Role.CUSTOMER, Instant.EPOCH)));
        signIn(new PanelUser(7, "c@example.com", "{noop}x", Role.CUSTOMER, true));

        assertThat(currentUser.requireMayChange().accountId()).isEqualTo(7);
    }

    private static void signIn(PanelUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
