package com.virtpanel.base.ui;

import com.virtpanel.base.Bytes;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates, numbers and sizes as the reader's language writes them ("1,5 ГиБ", "03.12.2026 14:05"),
 * for every view; the panel's time zone is the host's.
 */
public final class Formats {

    private Formats() {
    }

    public static String dateTime(Instant at) {
        return format("format.date-time", ZoneId.systemDefault(), at);
    }

    /** With seconds, for logs where order within a minute matters. */
    public static String dateTimeSeconds(Instant at) {
        return format("format.date-time-seconds", ZoneId.systemDefault(), at);
    }

    /** In UTC, said so: for admins comparing with mail server logs. */
    public static String dateTimeUtc(Instant at) {
        return format("format.date-time-utc", ZoneOffset.UTC, at);
    }

    public static String date(Instant day) {
        return format("format.date", ZoneId.systemDefault(), day);
    }

    /** The pattern is in the bundles, so each language keeps its own order of day, month and year. */
    private static String format(String patternKey, ZoneId zone, Instant at) {
        return at == null ? "" : DateTimeFormatter.ofPattern(Texts.get(patternKey), Texts.locale()).withZone(zone).format(at);
    }

    public static String number(long value) {
        return NumberFormat.getIntegerInstance(Texts.locale()).format(value);
    }

    /** At most {@code decimals} decimals, as the language writes them. */
    public static String number(double value, int decimals) {
        NumberFormat format = NumberFormat.getNumberInstance(Texts.locale());
        format.setMaximumFractionDigits(decimals);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    public static String percent(double percent) {
        return Texts.get("unit.percent", number(percent, percent < 10 ? 1 : 0));
    }

    /** A size in binary units, largest that keeps the number at least 1: "512 MiB", "1.5 GiB". */
    public static String bytes(long bytes) {
        if (bytes >= Bytes.GIB * 1024) {
            return Texts.get("unit.tib", number(bytes / (double) (Bytes.GIB * 1024), 1));
        }
        if (bytes >= Bytes.GIB) {
            return Texts.get("unit.gib", number(bytes / (double) Bytes.GIB, 1));
        }
        if (bytes >= Bytes.MIB) {
            return Texts.get("unit.mib", number(bytes / (double) Bytes.MIB, 1));
        }
        if (bytes >= 1024) {
            return Texts.get("unit.kib", number(bytes / 1024.0, 1));
        }
        return Texts.get("unit.bytes", number(bytes));
    }

    public static String mib(long mib) {
        return Texts.get("unit.mib", number(mib));
    }

    public static String gib(long gib) {
        return Texts.get("unit.gib", number(gib));
    }

    static Locale locale() {
        return Texts.locale();
    }
}
