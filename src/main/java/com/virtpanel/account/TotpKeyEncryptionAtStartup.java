package com.virtpanel.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Encrypts authenticator keys stored before encryption, once at start. Each row is rewritten only
 * if it still holds the plaintext read, so instances starting together (or a sign-in using the
 * key meanwhile, which rewrites it too) do not overwrite each other.
 */
@Component
class TotpKeyEncryptionAtStartup {

    private static final Logger log = LoggerFactory.getLogger(TotpKeyEncryptionAtStartup.class);

    private final JdbcTemplate jdbc;
    private final TotpKeyCipher cipher;

    TotpKeyEncryptionAtStartup(JdbcTemplate jdbc, TotpKeyCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @EventListener(ApplicationReadyEvent.class)
    int encryptPlaintextKeys() {
        int rewritten = 0;
        for (var row : jdbc.queryForList("SELECT account_id, totp_secret FROM second_factor WHERE totp_secret NOT LIKE ?",
                TotpKeyCipher.VERSION + "%")) {
            String plain = (String) row.get("totp_secret");
            rewritten += jdbc.update("UPDATE second_factor SET totp_secret = ? WHERE account_id = ? AND totp_secret = ?",
                    cipher.encrypt(plain), ((Number) row.get("account_id")).longValue(), plain);
        }
        if (rewritten > 0) {
            log.info("Encrypted {} authenticator keys stored before encryption", rewritten);
        }
        return rewritten;
    }
}
