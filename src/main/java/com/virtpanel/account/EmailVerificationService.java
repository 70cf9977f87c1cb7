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
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Confirming a customer's email address: a single-use link mailed at sign-up (in the sign-up's
 * transaction, through the outbox), valid for two days, sent again on request (throttled).
 * Unconfirmed customers sign in, but do not order until they confirm
 * (panel.mail.require-verified-email).
 */
@Service
@Transactional
public class EmailVerificationService {

    public static final Duration LINK_LIFETIME = Duration.ofHours(48);
    static final String TEMPLATE = "email-verification";
    public static final String PATH = "verify-email";

    private final AccountRepository accounts;
    private final CurrentUser currentUser;
    private final MailedLinks links;
    private final MailLinkThrottle throttle;
    private final MailOutbox outbox;
    private final PanelLinks panel;
    private final EmailVerificationProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EmailVerificationService(AccountRepository accounts, CurrentUser currentUser, MailedLinks links, MailLinkThrottle throttle,
            MailOutbox outbox, PanelLinks panel, EmailVerificationProperties properties, ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.links = links;
        this.throttle = throttle;
        this.outbox = outbox;
        this.panel = panel;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** In the sign-up's transaction: no account, no mail; no mail row, no account. */
    @EventListener
    void on(AccountEvents.SignedUp event) {
        accounts.findById(event.accountId()).ifPresent(this::mailLink);
    }

    /** Confirms the address the link was mailed to. */
    public void verify(String token) {
        long accountId = links.consume(token, EmailToken.Purpose.VERIFY_EMAIL).orElseThrow(() -> new InvalidInputException("token",
                UserMessage.of("error.account.confirmation-link-invalid-was-used")));
        Account account = accounts.findById(accountId).orElseThrow(() -> new InvalidInputException("token", UserMessage.of("error.account.account-gone")));
        if (!account.isEmailVerified()) {
            account.markEmailVerified(clock.instant());
            events.publishEvent(new AccountEvents.EmailVerified(account.getId(), account.getEmail()));
        }
    }

    /**
     * Mails the signed-in customer a new link. Returns 0 when sent (or nothing was needed), or the
     * seconds to wait when asked too often.
     */
    public long sendAgain(String clientAddress) {
        Account account = accounts.findById(currentUser.require().accountId()).orElseThrow();
        if (account.isEmailVerified()) {
            return 0;
        }
        long wait = throttle.attempt(clientAddress, account.getEmail());
        if (wait == 0) {
            mailLink(account);
        }
        return wait;
    }

    /**
     * Whether customers are asked to confirm their address: only while mail is delivered, since a
     * link that is only logged (no SMTP) never reaches them.
     */
    @Transactional(propagation = Propagation.SUPPORTS) // reads no table: no transaction of its own
    public boolean asksToConfirm() {
        return outbox.delivers();
    }

    /**
     * Whether an unconfirmed customer's orders wait for the confirmation: while it is asked for
     * and {@code panel.mail.require-verified-email} holds. One place for the refusal and for what
     * the sign-up page and the banner promise.
     */
    @Transactional(propagation = Propagation.SUPPORTS) // reads no table: no transaction of its own
    public boolean ordersWaitForConfirmation() {
        return properties.requireVerifiedEmail() && asksToConfirm();
    }

    /**
     * True when the signed-in user should be asked to confirm their address (customers only).
     * The banner asks on every page: without SMTP, or for staff, it reads nothing and opens no
     * transaction (an empty one cost about 0.5 ms); the account's read has its own.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public boolean currentUserUnverified() {
        return asksToConfirm() && currentUser.find().filter(actor -> !actor.isStaff())
                .flatMap(actor -> accounts.findById(actor.accountId())).map(a -> !a.isEmailVerified()).orElse(false);
    }

    /**
     * Refuses an order from a customer whose address is not confirmed, while that is required and
     * mail is delivered. Without SMTP the link is only logged, and waiting for it would keep every
     * new customer from ordering (as on a fresh {@code ./panel run}).
     */
    @Transactional(readOnly = true)
    public void requireVerifiedToOrder(long accountId) {
        if (!ordersWaitForConfirmation()) {
            return;
        }
        boolean unverified = accounts.findById(accountId).map(a -> !a.getRole().isStaff() && !a.isEmailVerified()).orElse(false);
        if (unverified) {
            throw new EmailNotVerifiedException();
        }
    }

    private void mailLink(Account account) {
        String token = links.issue(account.getId(), EmailToken.Purpose.VERIFY_EMAIL, LINK_LIFETIME);
        outbox.enqueue(new MailRequest(account.getEmail(), TEMPLATE, account.getLanguage(), Map.of(
                "link", panel.to("/" + PATH + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)),
                "hours", Long.toString(LINK_LIFETIME.toHours()))));
    }
}
