package com.virtpanel.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code panel.mail.require-verified-email}: customers sign in before confirming their address,
 * but order servers only after. Off, ordering does not wait for the confirmation (the mail is
 * still sent). It holds only while SMTP is configured ({@code panel.mail.host}): without it the
 * link is never delivered, so nobody is kept waiting for it.
 */
@ConfigurationProperties("panel.mail")
record EmailVerificationProperties(@DefaultValue("true") boolean requireVerifiedEmail) {
}
