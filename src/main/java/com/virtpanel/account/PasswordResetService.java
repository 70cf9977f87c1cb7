package com.virtpanel.account;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.InvalidInputException;
import com.virtpanel.mail.MailOutbox;
import com.virtpanel.mail.MailRequest;
import com.virtpanel.mail.PanelLinks;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forgot password?": a single-use link, valid for 30 minutes, mailed to the account's address.
 * Asking gives the same answer whether or not the address has an account (and is throttled
 * either way); setting the new password ends every session, remembered login and token of the
 * account, like a password change, and is audited.
 */
@Service
@Transactional
public class PasswordResetService {

    public static final Duration LINK_LIFETIME = Duration.ofMinutes(30);
    static final String TEMPLATE = "password-reset";
    public static final String PATH = "reset-password";

    private final AccountRepository accounts;
    private final MailedLinks links;
    private final MailLinkThrottle throttle;
    private final MailOutbox outbox;
    private final PanelLinks panel;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PasswordResetService(AccountRepository accounts, MailedLinks links, MailLinkThrottle throttle, MailOutbox outbox,
            PanelLinks panel, PasswordEncoder encoder, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.links = links;
        this.throttle = throttle;
        this.outbox = outbox;
        this.panel = panel;
        this.encoder = encoder;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Mails a reset link if the address has an account. Returns 0 when the request was taken (sent
     * or not: the caller must not tell), or the seconds to wait when this address or client asked
     * too often.
     */
    public long request(String rawEmail, String clientAddress) {
        String email = EmailAddress.normalise("email", rawEmail);
        long wait = throttle.attempt(clientAddress, email);
        if (wait > 0) {
            return wait;
        }
        accounts.findByEmailIgnoreCase(email).ifPresent(account -> {
            String token = links.issue(account.getId(), EmailToken.Purpose.RESET_PASSWORD, LINK_LIFETIME);
            outbox.enqueue(new MailRequest(account.getEmail(), TEMPLATE, account.getLanguage(), Map.of(
                    "link", panel.to("/" + PATH + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)),
                    "minutes", Long.toString(LINK_LIFETIME.toMinutes()))));
        });
        return 0;
    }

    /** True while the link can still be used (the page asks before showing the form). */
    @Transactional(readOnly = true)
    public boolean usable(String token) {
        return links.peek(token, EmailToken.Purpose.RESET_PASSWORD).isPresent();
    }

    /** Sets the new password and uses the link up; a weak password leaves the link usable. */
    public void confirm(String token, String newPassword) {
        Account account = links.peek(token, EmailToken.Purpose.RESET_PASSWORD).flatMap(accounts::findById)
                .orElseThrow(PasswordResetService::unusable);
        PasswordPolicy.check("password", newPassword, account.getEmail());
        if (links.consume(token, EmailToken.Purpose.RESET_PASSWORD).isEmpty()) {
            throw unusable();
        }
        account = accounts.findById(account.getId()).orElseThrow(PasswordResetService::unusable);
        account.changePassword(encoder.encode(newPassword));
        // The link came to the mailbox: that proves the address as well as a verification link does.
        account.markEmailVerified(clock.instant());
        events.publishEvent(new AccountEvents.PasswordReset(account.getId(), account.getEmail()));
    }

    private static InvalidInputException unusable() {
        return new InvalidInputException("token", UserMessage.of("error.account.reset-link-invalid-was-used"));
    }
}
