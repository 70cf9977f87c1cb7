package com.virtpanel.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.bastiaanjansen.otp.TOTPGenerator;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {

    private final String secret = Totp.newSecret();
    private final Instant now = Instant.parse("2026-12-03T07:00:10Z");
    private final long step = Totp.step(now);

    @Test
    void theCodeOfTheCurrentWindowIsAcceptedOnce() {
        String code = Totp.codeAt(secret, step);
        assertThat(Totp.acceptedStep(secret, code, now, 0)).hasValue(step);
        assertThat(Totp.acceptedStep(secret, code, now, step)).isEmpty();
    }

    @Test
    void oneWindowOfDriftEitherSideIsForgivenButNotTwo() {
        assertThat(Totp.acceptedStep(secret, Totp.codeAt(secret, step - 1), now, 0)).hasValue(step - 1);
        assertThat(Totp.acceptedStep(secret, Totp.codeAt(secret, step + 1), now, 0)).hasValue(step + 1);
        assertThat(Totp.acceptedStep(secret, Totp.codeAt(secret, step - 2), now, 0)).isEmpty();
        assertThat(Totp.acceptedStep(secret, Totp.codeAt(secret, step + 2), now, 0)).isEmpty();
    }

    @Test
    void anOlderCodeIsRefusedOnceANewerOneWasUsed() {
        assertThat(Totp.acceptedStep(secret, Totp.codeAt(secret, step - 1), now, step)).isEmpty();
    }

    @Test
    void spacesAreForgivenAndAnythingButSixDigitsIsRefused() {
        String code = Totp.codeAt(secret, step);
        assertThat(Totp.acceptedStep(secret, code.substring(0, 3) + " " + code.substring(3), now, 0)).hasValue(step);
        assertThat(Totp.acceptedStep(secret, null, now, 0)).isEmpty();
        assertThat(Totp.acceptedStep(secret, "", now, 0)).isEmpty();
        assertThat(Totp.acceptedStep(secret, "12345a", now, 0)).isEmpty();
        assertThat(Totp.acceptedStep(secret, code + "0", now, 0)).isEmpty();
    }

    @Test
    void theUriIsWhatAuthenticatorAppsReadAndTheirCodesMatchOurs() throws Exception {
        String uri = Totp.uri(secret, "alice@example.com");
        assertThat(uri).startsWith("otpauth://totp/").contains("secret=" + secret).contains("issuer=Virtpanel");
        TOTPGenerator app = TOTPGenerator.fromURI(new URI(uri));
        assertThat(app.at(now)).isEqualTo(Totp.codeAt(secret, step));
    }

    @Test
    void secretsAreBase32OfAHundredAndSixtyBits() {
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(Totp.newSecret()).isNotEqualTo(secret);
    }
}
