package com.virtpanel.quota;

import com.virtpanel.host.GuestPinning;
import com.virtpanel.host.LimitSpec;
import com.virtpanel.host.LiveLimits;
import java.util.List;

/** Reads and writes a guest's limits: the host, or a fake in tests. */
interface LimitEnforcer {

    LiveLimits read(String domain);

    void apply(String domain, LimitSpec limits);

    /**
     * Puts the guest's CPU pinning back where it differs: on its own cores when {@code dedicated}
     * (the cores the server holds), else on the host's shared cores. A fake without pins has nothing to repair.
     */
    default List<GuestPinning.Repair> repairPinning(String domain, long serverId, boolean dedicated) {
        return List.of();
    }
}
