package com.virtpanel.quota;

import com.virtpanel.host.LimitSpec;
import com.virtpanel.host.LiveLimits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A host that enforces exactly what was last applied, unless a test tampers with it. */
final class FakeHost implements LimitEnforcer {

    final Map<String, LiveLimits> live = new HashMap<>();
    final List<String> applied = new ArrayList<>();
    int reads;

    void define(String domain, LimitSpec spec) {
        live.put(domain, of(domain, spec));
    }

    void setQuota(String domain, long quota) {
        LiveLimits l = live.get(domain);
        live.put(domain, new LiveLimits(domain, l.cpuShares(), l.vcpuPeriodUs(), quota, l.diskIops(), l.diskBytesPerSec(),
                l.blkioWeight(), l.netInboundKBps(), l.netOutboundKBps(), List.of(quota), l.cgroupCpuShares(), l.cgroupVersion()));
    }

    @Override
    public LiveLimits read(String domain) {
        reads++;
        return live.get(domain);
    }

    @Override
    public void apply(String domain, LimitSpec spec) {
        applied.add(domain + " " + AppliedLimits.format(spec));
        define(domain, spec);
    }

    static LiveLimits of(String domain, LimitSpec s) {
        long quota = s.cpuQuotaUsPerVcpu();
        var quotas = new ArrayList<Long>();
        for (int i = 0; i < s.vcpus(); i++) {
            quotas.add(quota);
        }
        return new LiveLimits(domain, (long) s.cpuShares(), LimitSpec.CPU_PERIOD_US, quota, s.diskIops(), s.diskBytesPerSec(),
                s.blkioWeight(), s.netKBps(), s.netKBps(), quotas, (long) s.cpuShares(), "v1");
    }
}
