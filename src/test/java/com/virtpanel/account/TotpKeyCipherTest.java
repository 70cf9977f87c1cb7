package com.virtpanel.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TotpKeyCipherTest {

    private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    @TempDir Path dataDir;

    private final TotpKeyCipher cipher = new TotpKeyCipher(new byte[32]);

    @Test
    void aKeyComesBackAsItWentInAndIsNotStoredReadably() {
        String stored = cipher.encrypt(SECRET);
        assertThat(stored).startsWith("v1:").doesNotContain(SECRET);
        assertThat(stored.length()).isLessThanOrEqualTo(128); // the column
        assertThat(cipher.decrypt(stored)).isEqualTo(SECRET);
        assertThat(cipher.encrypt(SECRET)).as("a fresh nonce each time").isNotEqualTo(stored);
    }

    @Test
    void aTamperedOrForeignValueIsRefused() {
        String stored = cipher.encrypt(SECRET);
        byte[] raw = Base64.getDecoder().decode(stored.substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be decrypted");
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThatThrownBy(() -> new TotpKeyCipher(otherKey).decrypt(stored)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt("v1:AAAA")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt("v1:not base64!")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyStoredBeforeEncryptionIsReadAsItIs() {
        assertThat(cipher.decrypt(SECRET)).isEqualTo(SECRET);
        assertThat(TotpKeyCipher.isEncrypted(SECRET)).isFalse();
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedOnceIntoTheDataDirReadableByThePanelOnly() throws Exception {
        var first = new TotpKeyCipher(new TotpKeyCipher.Properties(null), dataDir);
        Path file = dataDir.resolve("secret.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String stored = first.encrypt(SECRET);
        var afterRestart = new TotpKeyCipher(new TotpKeyCipher.Properties(""), dataDir);
        assertThat(afterRestart.decrypt(stored)).isEqualTo(SECRET);
    }

    @Test
    void aConfiguredKeyIsUsedAndAWrongOneIsRefusedAtStart() {
        String configured = Base64.getEncoder().encodeToString(new byte[32]);
        var fromConfig = new TotpKeyCipher(new TotpKeyCipher.Properties(configured), dataDir);
        assertThat(fromConfig.decrypt(cipher.encrypt(SECRET))).isEqualTo(SECRET);
        assertThat(dataDir.resolve("secret.key")).doesNotExist();
        assertThatThrownBy(() -> new TotpKeyCipher(new TotpKeyCipher.Properties("c2hvcnQ="), dataDir))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new TotpKeyCipher(new TotpKeyCipher.Properties("%%%"), dataDir))
                .hasMessageContaining("base64");
    }
}
