package com.virtpanel.testkit;

/**
 * The host resources (libvirt network, storage pool, guest names, MACs) this test JVM owns.
 *
 * <p>Several suites share one machine (checkouts side by side, told apart by {@code VP_TEST_ID}
 * and {@code VP_TEST_CIDR}), and one suite runs in several JVMs (Surefire forks, numbered by
 * the system property {@code vp.test.fork}). Fork 1 keeps the checkout's own id and network; fork N gets the id
 * "{id}fN" and the N-1'th /24 after the checkout's, so forks never meet on the host. Not "{id}-N":
 * cleanup removes every guest named "vp-{id}-…", which would take the other fork's guests too.
 */
public final class TestHost {

    public static final String ID = id(env("VP_TEST_ID", "t0"), fork());
    public static final String CIDR = cidr(env("VP_TEST_CIDR", "10.124.0.0/24"), fork());

    private TestHost() {
    }

    static String id(String base, int fork) {
        return fork <= 1 ? base : base + "f" + fork;
    }

    /** The checkout's /24 moved up by {@code fork - 1} in its third octet (10.127.0.0/24 → 10.127.1.0/24 for fork 2). */
    static String cidr(String base, int fork) {
        if (fork <= 1) {
            return base;
        }
        String[] addressAndPrefix = base.split("/");
        if (!"24".equals(addressAndPrefix[1])) {
            throw new IllegalStateException("VP_TEST_CIDR must be a /24 when tests run in several forks, not " + base);
        }
        String[] octets = addressAndPrefix[0].split("\\.");
        int third = Integer.parseInt(octets[2]) + fork - 1;
        if (third > 255) {
            throw new IllegalStateException("no room after " + base + " for fork " + fork);
        }
        return octets[0] + "." + octets[1] + "." + third + ".0/24";
    }

    private static int fork() {
        String fork = System.getProperty("vp.test.fork", "").replace("fork", "").trim(); // "fork2"
        return fork.isEmpty() ? 1 : Integer.parseInt(fork);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
