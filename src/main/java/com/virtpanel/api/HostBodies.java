package com.virtpanel.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.virtpanel.fleet.HostDetails;
import com.virtpanel.fleet.HostDown;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The hosts API's JSON: snake_case like the rest of the API. */
final class HostBodies {

    private HostBodies() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Host(String name,
            @Schema(allowableValues = {"ACTIVE", "MAINTENANCE", "DRAINING", "DOWN"},
                    description = "DOWN when the heartbeat is older than panel.fleet.heartbeat-timeout or reports libvirt "
                            + "unreachable") String state,
            @Schema(description = "what staff set, whatever the heartbeat says") String chosenState,
            String managementAddress, long memoryMib, long diskGib, int vcpus, long usedMemoryMib, long usedDiskGib,
            int usedVcpus, long servers, Instant lastHeartbeat,
            @Schema(description = "why the host is down; null when it is not") Down down) {

        static Host of(HostDetails h) {
            return new Host(h.name(), h.state().name(), h.chosenState().name(), h.managementAddress(), h.memoryMib(), h.diskGib(),
                    h.vcpus(), h.usedMemoryMib(), h.usedDiskGib(), h.usedVcpus(), h.servers(), h.lastHeartbeat(),
                    h.down() == null ? null : Down.of(h.down()));
        }
    }

    /** A down host's reason: no heartbeat since {@code since}, or libvirt unreachable since {@code since} with libvirt's problem. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Down(@Schema(allowableValues = {"no-heartbeat", "libvirt-unreachable"}) String reason, Instant since, String detail) {

        static Down of(HostDown down) {
            return new Down(down.reason().apiName(), down.since(), down.detail());
        }
    }

    /** What draining started: the host, the servers moving away, and those staying for now with the reason. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Drain(Host host, List<Long> moving, List<Staying> staying) {

        static Drain of(com.virtpanel.fleet.Drain d, Locale language) {
            return new Drain(Host.of(d.host()), d.moving(),
                    d.staying().entrySet().stream().map(e -> new Staying(e.getKey(), e.getValue().in(language))).toList());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Staying(long serverId, String reason) {
    }
}
