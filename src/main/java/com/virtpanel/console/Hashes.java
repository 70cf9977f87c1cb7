package com.virtpanel.console;

import com.virtpanel.base.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

final class Hashes {

    private Hashes() {
    }

    static String sha256(String value) {
        return Sha256.hex(value);
    }

    /** Compares hashes without leaking through timing where they differ. */
    static boolean same(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
