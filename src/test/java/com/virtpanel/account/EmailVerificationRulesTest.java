package com.virtpanel.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.virtpanel.mail.MailOutbox;
import com.virtpanel.mail.PanelLinks;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;

/** When a customer is asked to confirm their address, and when their orders wait for it. */
class EmailVerificationRulesTest {

    static final long CUSTOMER = 7;

    final MailOutbox outbox = mock(MailOutbox.class);
    final AccountRepository accounts = mock(AccountRepository.class);

    EmailVerificationService service(boolean requireVerifiedEmail) {
        Account unconfirmed = mock(Account.class);
        when(unconfirmed.getRole()).thenReturn(Role.CUSTOMER);
        when(unconfirmed.isEmailVerified()).thenReturn(false);
        when(accounts.findById(CUSTOMER)).thenReturn(Optional.of(unconfirmed));
        return new EmailVerificationService(accounts, mock(CurrentUser.class), mock(MailedLinks.class), mock(MailLinkThrottle.class),
                outbox, mock(PanelLinks.class), new EmailVerificationProperties(requireVerifiedEmail),
                mock(ApplicationEventPublisher.class), Clock.systemUTC());
    }

    @Test
    void withMailDeliveredAndConfirmationRequiredOrdersWait() {
        when(outbox.delivers()).thenReturn(true);
        EmailVerificationService verification = service(true);
        assertThat(verification.asksToConfirm()).isTrue();
        assertThat(verification.ordersWaitForConfirmation()).isTrue();
        assertThatThrownBy(() -> verification.requireVerifiedToOrder(CUSTOMER)).isInstanceOf(EmailNotVerifiedException.class);
    }

    @Test
    void withMailDeliveredButConfirmationNotRequiredTheLinkIsAskedForAndOrdersDoNotWait() {
        when(outbox.delivers()).thenReturn(true);
        EmailVerificationService verification = service(false);
        assertThat(verification.asksToConfirm()).isTrue();
        assertThat(verification.ordersWaitForConfirmation()).isFalse();
        verification.requireVerifiedToOrder(CUSTOMER);
    }

    @Test
    void withoutMailNothingIsAskedAndOrdersDoNotWait() {
        when(outbox.delivers()).thenReturn(false);
        EmailVerificationService verification = service(true);
        assertThat(verification.asksToConfirm()).isFalse();
        assertThat(verification.ordersWaitForConfirmation()).isFalse();
        verification.requireVerifiedToOrder(CUSTOMER);
    }
}
