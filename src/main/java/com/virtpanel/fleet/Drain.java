package com.virtpanel.fleet;

import com.virtpanel.base.UserMessage;
import java.util.List;
import java.util.Map;

/**
 * What draining a host started: the host (now draining), the servers moving away, and those that
 * stay for now with the reason (stopped, busy, or no other host with room).
 */
public record Drain(HostDetails host, List<Long> moving, Map<Long, UserMessage> staying) {
}
