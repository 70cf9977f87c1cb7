package com.virtpanel.api;

import com.virtpanel.fleet.FleetService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The hosts of the fleet, for staff only (the service checks the role: anyone else gets 403). */
@RestController
@Tag(name = "Hosts (staff)")
class HostsController {

    private final FleetService fleet;

    HostsController(FleetService fleet) {
        this.fleet = fleet;
    }

    @GetMapping("/api/v1/hosts")
    @Operation(summary = "Every host with its state (down when its heartbeat is too old), capacity, what its servers use, "
            + "its server count and last heartbeat")
    List<HostBodies.Host> list() {
        return fleet.list().stream().map(HostBodies.Host::of).toList();
    }

    @PostMapping("/api/v1/hosts/{name}/actions/maintenance")
    @Operation(summary = "No new servers on this host; its servers keep running")
    HostBodies.Host maintenance(@PathVariable String name) {
        return HostBodies.Host.of(fleet.maintenance(name));
    }

    @PostMapping("/api/v1/hosts/{name}/actions/activate")
    @Operation(summary = "New servers may go to this host again")
    HostBodies.Host activate(@PathVariable String name) {
        return HostBodies.Host.of(fleet.activate(name));
    }

    @PostMapping("/api/v1/hosts/{name}/actions/drain")
    @Operation(summary = "No new servers on this host, and every server on it moves to another (a running one while it runs)",
            description = "Placement picks each server's new host. Servers that cannot move now (busy, in rescue, failed, or "
            + "no other host with room) stay, listed with the reason; ask again to move what can move then.")
    HostBodies.Drain drain(@PathVariable String name, HttpServletRequest request) {
        return HostBodies.Drain.of(fleet.drain(name), Problems.locale(request));
    }
}
