package com.virtpanel.account;

import com.virtpanel.base.security.SignInThrottleProperties;
import com.virtpanel.base.throttle.Backoff;
import java.time.Clock;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Growing delays for asking for mailed links (password resets, verification mails sent again),
 * with the sign-in throttle's settings (panel.sign-in.*): per client address, and per email
 * address so that nobody's mailbox can be flooded. Every request counts, known address or not.
 */
@Component
class MailLinkThrottle {

    private final Backoff addresses;
    private final Backoff recipients;

    MailLinkThrottle(SignInThrottleProperties p, Clock clock) {
        this.addresses = new Backoff(p.freePerAddress(), p.firstDelay(), p.maxDelay(), p.forgetAfter(), clock);
        this.recipients = new Backoff(p.freePerAccount(), p.firstDelay(), p.maxDelay(), p.forgetAfter(), clock);
    }

    /** Seconds to wait before this request may be served; 0 counts it and lets it through. */
    synchronized long attempt(String address, String email) {
        String addressKey = "ip:" + (address == null ? "unknown" : address);
        String recipientKey = "to:" + (email == null ? "" : email.trim().toLowerCase(Locale.ROOT));
        long wait = Math.max(addresses.waitSeconds(addressKey), recipients.waitSeconds(recipientKey));
        if (wait > 0) {
            return wait;
        }
        addresses.failed(addressKey);
        recipients.failed(recipientKey);
        return 0;
    }
}
