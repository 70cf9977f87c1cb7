package com.virtpanel.api;

import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.UserMessage;
import com.virtpanel.network.FirewallService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customer firewalls: accept rules enforced by the host on the servers they are attached to.
 * Someone else's firewall or server is 404.
 */
@RestController
@Tag(name = "Firewalls")
class FirewallsController {

    private final FirewallService firewalls;

    FirewallsController(FirewallService firewalls) {
        this.firewalls = firewalls;
    }

    @GetMapping("/api/v1/firewalls")
    List<FirewallBodies.Firewall> list() {
        return firewalls.mine().stream().map(FirewallBodies.Firewall::of).toList();
    }

    @PostMapping("/api/v1/firewalls")
    @Operation(summary = "Create a firewall", description = "Once attached to a server, inbound traffic is dropped "
            + "unless a rule accepts it (replies to the server's own connections pass); outbound is open unless "
            + "the firewall has outbound rules.")
    @ApiResponse(responseCode = "201", description = "created")
    @ApiResponse(responseCode = "400", description = "invalid name or rule (the field is named)")
    @ApiResponse(responseCode = "409", description = "the account has as many firewalls as allowed")
    ResponseEntity<FirewallBodies.Firewall> create(@RequestBody FirewallBodies.Write body) {
        var created = FirewallBodies.Firewall.of(firewalls.create(body.name(), body.toRules()));
        return ResponseEntity.created(URI.create("/api/v1/firewalls/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/firewalls/{id}")
    FirewallBodies.Firewall get(@PathVariable long id) {
        return FirewallBodies.Firewall.of(firewalls.get(id));
    }

    @PutMapping("/api/v1/firewalls/{id}")
    @Operation(summary = "Replace a firewall's name and rules", description = "Applied to its servers within seconds.")
    FirewallBodies.Firewall update(@PathVariable long id, @RequestBody FirewallBodies.Write body) {
        return FirewallBodies.Firewall.of(firewalls.update(id, body.name(), body.toRules()));
    }

    @DeleteMapping("/api/v1/firewalls/{id}")
    @ApiResponse(responseCode = "204", description = "deleted; its servers are no longer filtered by it")
    ResponseEntity<Void> delete(@PathVariable long id) {
        firewalls.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/firewalls/{id}/servers")
    @Operation(summary = "Attach a firewall to one of the caller's servers")
    @ApiResponse(responseCode = "409", description = "the server has as many firewalls as allowed")
    FirewallBodies.Firewall attach(@PathVariable long id, @RequestBody FirewallBodies.AttachServer body) {
        if (body.serverId() == null) {
            throw new InvalidInputException("server_id", UserMessage.of("error.firewall.server-required"));
        }
        return FirewallBodies.Firewall.of(firewalls.attach(id, body.serverId()));
    }

    @DeleteMapping("/api/v1/firewalls/{id}/servers/{serverId}")
    FirewallBodies.Firewall detach(@PathVariable long id, @PathVariable long serverId) {
        return FirewallBodies.Firewall.of(firewalls.detach(id, serverId));
    }
}
