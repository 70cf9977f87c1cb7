package com.virtpanel.host;

/** libvirt's errors as the host adapter reports them, for tests that inject a fault. */
public final class HostFaults {

    private HostFaults() {
    }

    /** What libvirt answers while it builds a volume for another order in the same pool. */
    public static HostException poolBusy(String pool) {
        return LibvirtErrors.translate("create disk", LibvirtErrorsTest.error(1,
                "internal error: pool '" + pool + "' has asynchronous jobs running."));
    }
}
