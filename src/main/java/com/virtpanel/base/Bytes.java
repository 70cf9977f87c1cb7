package com.virtpanel.base;

/** Binary byte units: plans speak in GiB, hosts and counters in bytes; one definition for all modules. */
public final class Bytes {

    public static final long MIB = 1L << 20;
    public static final long GIB = 1L << 30;

    private Bytes() {
    }
}
