package com.virtpanel.quota;

import com.virtpanel.host.LimitSpec;
import java.util.HashMap;
import java.util.Map;

/**
 * The limits last written to a guest, stored as one short line. Comparing them with the
 * desired limits tells an intended change (plan, throttle) from drift.
 */
final class AppliedLimits {

    private AppliedLimits() {
    }

    static String format(LimitSpec l) {
        return "shares=" + l.cpuShares() + " cap=" + l.cpuCapPercent() + " vcpus=" + l.vcpus() + " iops=" + l.diskIops()
                + " bps=" + l.diskBytesPerSec() + " weight=" + l.blkioWeight() + " net=" + l.netKBps();
    }

    /** The limits of a stored line, or null when there is none (or it cannot be read). */
    static LimitSpec parse(String line) {
        if (line == null || line.isBlank()) {
            return null;
        }
        try {
            Map<String, Long> v = new HashMap<>();
            for (String part : line.trim().split("\\s+")) {
                int eq = part.indexOf('=');
                v.put(part.substring(0, eq), Long.parseLong(part.substring(eq + 1)));
            }
            return new LimitSpec(v.get("shares").intValue(), v.get("cap").intValue(), v.get("vcpus").intValue(),
                    v.get("iops"), v.get("bps"), v.get("weight").intValue(), v.get("net"));
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
