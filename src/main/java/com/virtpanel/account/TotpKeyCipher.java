package com.virtpanel.account;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Encrypts authenticator-app keys at rest with AES-256-GCM (the JDK's own): a copy of the
 * database or a backup alone no longer gives anyone the codes. The key is
 * {@code panel.security.encryption-key} (base64 of 32 bytes; set the same one on every instance
 * that shares a database) or, when unset, one generated once into
 * {@code <panel.data-dir>/secret.key}, readable by the panel's user only.
 *
 * <p>Stored form: {@code v1:} and base64 of a random 12-byte nonce followed by the ciphertext and
 * its tag. A value without the prefix is a key stored before encryption (read as it is, and
 * rewritten encrypted by {@link TotpKeyEncryptionAtStartup}).
 */
@Component
class TotpKeyCipher {

    @ConfigurationProperties("panel.security")
    record Properties(String encryptionKey) {
    }

    static final String VERSION = "v1:";
    static final String KEY_FILE = "secret.key";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    @Autowired
    TotpKeyCipher(Properties properties, @Value("${panel.data-dir}") Path dataDir) {
        this(properties.encryptionKey() == null || properties.encryptionKey().isBlank()
                ? keyFile(dataDir) : configured(properties.encryptionKey()));
    }

    TotpKeyCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    String encrypt(String plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt the authenticator key", e);
        }
    }

    /** The key as stored before encryption is returned as it is; a tampered or foreign value is refused. */
    String decrypt(String stored) {
        if (!isEncrypted(stored)) {
            return stored;
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(VERSION.length()));
            if (all.length <= NONCE_BYTES) {
                throw new IllegalStateException("An encrypted authenticator key is cut short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Not "no second factor": a sign-in with it fails rather than skipping the code.
            throw new IllegalStateException("An authenticator key cannot be decrypted: it was changed, or "
                    + "panel.security.encryption-key (or " + KEY_FILE + ") is not the one it was encrypted with", e);
        }
    }

    static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(VERSION);
    }

    private static byte[] configured(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("panel.security.encryption-key must be base64 (of 32 random bytes)");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("panel.security.encryption-key must be 32 bytes (base64 of 32 random bytes), not "
                    + key.length);
        }
        return key;
    }

    /** The generated key, made on first start (created with mode 0600 from the start, never wider). */
    static byte[] keyFile(Path dataDir) {
        Path file = dataDir.resolve(KEY_FILE);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                byte[] fresh = new byte[KEY_BYTES];
                RANDOM.nextBytes(fresh);
                try {
                    Path written = Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(written, Base64.getEncoder().encodeToString(fresh));
                    return fresh;
                } catch (FileAlreadyExistsException raced) {
                    // Another instance on this data directory made it first: use theirs.
                }
            }
            return configured(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the encryption key " + file + ": " + e.getMessage(), e);
        }
    }
}
