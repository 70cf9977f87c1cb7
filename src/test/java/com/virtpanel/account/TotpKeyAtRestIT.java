package com.virtpanel.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.bastiaanjansen.otp.TOTPGenerator;
import com.virtpanel.testkit.IntegrationTest;
import com.virtpanel.testkit.Users;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Authenticator keys are stored encrypted ({@code v1:}), and keys stored before encryption still
 * work: read as they are, and rewritten encrypted at start.
 */
@IntegrationTest
class TotpKeyAtRestIT {

    @Autowired Users users;
    @Autowired SecondFactorService secondFactors;
    @Autowired TotpKeyEncryptionAtStartup atStartup;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aNewKeyIsStoredEncryptedAndStillChecksCodes() {
        AccountSummary customer = users.newCustomer();
        var enrolment = Users.as(customer, () -> secondFactors.startEnrolment());
        String stored = storedKey(customer.id());
        assertThat(stored).startsWith("v1:").doesNotContain(enrolment.secret());
        var app = TOTPGenerator.withDefaultValues(enrolment.secret().getBytes(StandardCharsets.US_ASCII));
        Users.as(customer, () -> secondFactors.confirmEnrolment(app.now()));
        assertThat(storedKey(customer.id())).startsWith("v1:").doesNotContain(enrolment.secret());
        assertThat(secondFactors.isEnabled(customer.id())).isTrue();
    }

    @Test
    void aKeyStoredBeforeEncryptionWorksAndIsEncryptedAtStart() {
        AccountSummary customer = users.newCustomer();
        String secret = Totp.newSecret();
        jdbc.update("INSERT INTO second_factor (account_id, totp_secret, started_at, confirmed_at, last_used_step, version) "
                + "VALUES (?, ?, ?, ?, 0, 0)", customer.id(), secret, now(), now());
        var app = TOTPGenerator.withDefaultValues(secret.getBytes(StandardCharsets.US_ASCII));
        assertThat(secondFactors.verifySignIn(customer.id(), "000000".equals(app.now()) ? "111111" : "000000")).isFalse();
        assertThat(secondFactors.verifySignIn(customer.id(), app.now())).as("read as stored").isTrue();
        // That sign-in saved the row (its last used window): the key went back encrypted.
        assertThat(storedKey(customer.id())).startsWith("v1:");

        AccountSummary another = users.newCustomer();
        String other = Totp.newSecret();
        jdbc.update("INSERT INTO second_factor (account_id, totp_secret, started_at, confirmed_at, last_used_step, version) "
                + "VALUES (?, ?, ?, ?, 0, 0)", another.id(), other, now(), now());
        assertThat(atStartup.encryptPlaintextKeys()).isGreaterThanOrEqualTo(1);
        assertThat(storedKey(another.id())).startsWith("v1:").doesNotContain(other);
        var otherApp = TOTPGenerator.withDefaultValues(other.getBytes(StandardCharsets.US_ASCII));
        assertThat(secondFactors.verifySignIn(another.id(), otherApp.now())).isTrue();
        assertThat(atStartup.encryptPlaintextKeys()).as("nothing left to encrypt").isZero();
    }

    private String storedKey(long accountId) {
        return jdbc.queryForObject("SELECT totp_secret FROM second_factor WHERE account_id = ?", String.class, accountId);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
    }
}
