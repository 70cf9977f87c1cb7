package com.virtpanel.api;

import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.UserMessage;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * Instants in query parameters, read the ways clients write them: ISO-8601 with {@code Z} or an
 * offset (a {@code +} left unencoded arrives as a space), without a zone (read as UTC), or Unix
 * time in seconds (with a fraction) or milliseconds, as monitoring tools send it.
 */
final class QueryInstants {

    private static final Pattern UNIX = Pattern.compile("\\d{1,16}(\\.\\d{1,9})?");
    /** From 100 billion on a number is milliseconds: as seconds it would be beyond the year 5000. */
    private static final long MILLIS_FROM = 100_000_000_000L;

    private QueryInstants() {
    }

    /** Null for an absent or blank value; otherwise the instant, or 400 naming the field. */
    static Instant parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            if (UNIX.matcher(value).matches()) {
                return unix(value);
            }
            String iso = value.replace(' ', '+');
            return hasZone(iso) ? Instant.parse(iso) : LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException | ArithmeticException e) {
            throw new InvalidInputException(field, UserMessage.of("error.api.instant", field));
        }
    }

    private static Instant unix(String value) {
        int dot = value.indexOf('.');
        long whole = Long.parseLong(dot < 0 ? value : value.substring(0, dot));
        if (whole >= MILLIS_FROM && dot < 0) {
            return Instant.ofEpochMilli(whole);
        }
        long nanos = dot < 0 ? 0 : Long.parseLong((value.substring(dot + 1) + "00000000").substring(0, 9));
        return Instant.ofEpochSecond(whole, nanos);
    }

    private static boolean hasZone(String iso) {
        int time = iso.indexOf('T');
        return iso.endsWith("Z") || iso.endsWith("z") || (time > 0 && (iso.indexOf('+', time) > 0 || iso.indexOf('-', time) > 0));
    }
}
