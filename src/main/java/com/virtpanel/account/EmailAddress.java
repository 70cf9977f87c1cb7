package com.virtpanel.account;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Normalises and checks an email address (lower case, trimmed, one @, a dotted domain). */
final class EmailAddress {

    private static final Pattern SHAPE = Pattern.compile(
            "^[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$");

    private EmailAddress() {
    }

    static String normalise(String field, String raw) {
        String email = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (email.isEmpty()) {
            throw new InvalidInputException(field, UserMessage.of("error.account.enter-email-address"));
        }
        if (email.length() > 254 || !SHAPE.matcher(email).matches()) {
            throw new InvalidInputException(field, UserMessage.of("error.account.not-valid-email-address"));
        }
        return email;
    }
}
