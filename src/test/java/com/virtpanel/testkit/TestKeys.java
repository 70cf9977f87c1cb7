package com.virtpanel.testkit;

/** SSH public keys for orders in tests (generated with ssh-keygen; the private halves were thrown away). */
public final class TestKeys {

    public static final String ED25519 =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBcfXypkxgr4HAcXQcoq6RaLI+VTJ7r5YW6hbyKiFY12 test@virtpanel";
    /** What ssh-keygen -lf prints for {@link #ED25519}. */
    public static final String ED25519_FINGERPRINT = "SHA256:hP74erH93b7YaFEUmcMTJJUvwho0steNXNnfaTBND3g";

    private TestKeys() {
    }
}
