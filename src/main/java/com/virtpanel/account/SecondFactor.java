package com.virtpanel.account;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * An account's authenticator app. Unconfirmed while enrolment is under way: it counts as a
 * second factor only once a code from the app has been accepted.
 */
@Entity
@Table(name = "second_factor")
class SecondFactor {

    @Id
    @Column(name = "account_id")
    private Long accountId;

    /** Encrypted at rest (TotpSecretColumn); held decrypted only in memory. */
    @Column(name = "totp_secret", nullable = false)
    @Convert(converter = TotpSecretColumn.class)
    private String totpSecret;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "last_used_step", nullable = false)
    private long lastUsedStep;

    /** Two sign-ins racing with the same code: the second one's update fails, so it is refused. */
    @Version
    private long version;

    protected SecondFactor() {
    }

    SecondFactor(long accountId, String totpSecret, Instant startedAt) {
        this.accountId = accountId;
        this.totpSecret = totpSecret;
        this.startedAt = startedAt;
    }

    long accountId() {
        return accountId;
    }

    boolean isConfirmed() {
        return confirmedAt != null;
    }

    String secret() {
        return totpSecret;
    }

    /** Accepts a fresh code from the app and remembers its window, so it is not accepted again. */
    boolean accept(String code, Instant now) {
        OptionalLong step = Totp.acceptedStep(totpSecret, code, now, lastUsedStep);
        step.ifPresent(s -> lastUsedStep = s);
        return step.isPresent();
    }

    void confirm(Instant at) {
        confirmedAt = at;
    }
}
