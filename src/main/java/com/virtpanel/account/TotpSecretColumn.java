package com.virtpanel.account;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.springframework.stereotype.Component;

/** {@code second_factor.totp_secret} encrypted on the way in, decrypted (or read as stored before encryption) on the way out. */
@Component
@Converter
class TotpSecretColumn implements AttributeConverter<String, String> {

    private final TotpKeyCipher cipher;

    TotpSecretColumn(TotpKeyCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String convertToDatabaseColumn(String secret) {
        return secret == null ? null : cipher.encrypt(secret);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return stored == null ? null : cipher.decrypt(stored);
    }
}
