package com.virtpanel.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.virtpanel.fleet.HostDetails;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** The hosts API's JSON: snake_case like the rest of the API. */
final class HostBodies {

    private HostBodies() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Host(String name,
            @Schema(allowableValues = {"ACTIVE", "MAINTENANCE", "DRAINING", "DOWN"},
                    description = "DOWN when the heartbeat is older than panel.fleet.heartbeat-timeout") String state,
            @Schema(description = "what staff set, whatever the heartbeat says") String chosenState,
            String managementAddress, long memoryMib, long diskGib, int vcpus, long usedMemoryMib, long usedDiskGib,
            int usedVcpus, long servers, Instant lastHeartbeat) {

        static Host of(HostDetails h) {
            return new Host(h.name(), h.state().name(), h.chosenState().name(), h.managementAddress(), h.memoryMib(), h.diskGib(),
                    h.vcpus(), h.usedMemoryMib(), h.usedDiskGib(), h.usedVcpus(), h.servers(), h.lastHeartbeat());
        }
    }
}
