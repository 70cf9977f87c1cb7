package com.virtpanel.quota;

import com.virtpanel.host.LimitSpec;
import com.virtpanel.host.LiveLimits;

/** Reads and writes a guest's limits: the host, or a fake in tests. */
interface LimitEnforcer {

    LiveLimits read(String domain);

    void apply(String domain, LimitSpec limits);
}
