package com.virtpanel.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

final class Hashes {

    private Hashes() {
    }

    /** Compares hashes without leaking through timing where they differ. */
    static boolean same(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
