package com.virtpanel.quota;

import java.time.Instant;

/**
 * A line of the enforcement log: a limit written to a guest, from which value to which, and why.
 *
 * @param before the value the host enforced before (null: none)
 */
public record EnforcementEntry(long id, Instant at, long serverId, String serverName, String domain, Reason reason,
        String what, String before, String after) {
}
