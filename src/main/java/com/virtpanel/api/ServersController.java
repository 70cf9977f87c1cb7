package com.virtpanel.api;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.InvalidInputException;
import com.virtpanel.server.OrderRequest;
import com.virtpanel.server.ServerChanges;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerOrders;
import com.virtpanel.server.ServerService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Ordering, listing and deleting servers. Someone else's server is 404, as if it did not exist. */
@RestController
@RequestMapping("/api/v1/servers")
@Tag(name = "Servers")
class ServersController {

    /** Printable ASCII, as long as the stored order key may be. */
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[\\x21-\\x7e]{1,64}$");

    private final ServerService servers;
    private final ServerOrders orders;
    private final ServerChanges changes;
    private final ServerJsonFactory json;

    ServersController(ServerService servers, ServerOrders orders, ServerChanges changes, ServerJsonFactory json) {
        this.servers = servers;
        this.orders = orders;
        this.changes = changes;
        this.json = json;
    }

    @PostMapping
    @Operation(summary = "Order a server", description = "Provisioning runs in the background: poll the server until "
            + "its status is running. Repeating a request with the same Idempotency-Key returns the server the first one ordered.")
    @ApiResponse(responseCode = "202", description = "accepted; status is provisioning")
    @ApiResponse(responseCode = "400", description = "invalid input (the problem names the field)")
    @ApiResponse(responseCode = "409", description = "name taken, or the host is full (problem type host-full)")
    ResponseEntity<ApiJson.Server> order(@RequestBody OrderBody body,
            @Parameter(description = "1 to 64 printable ASCII characters") @RequestHeader(name = "Idempotency-Key", required = false)
            String idempotencyKey) {
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidInputException("Idempotency-Key", UserMessage.of("error.api.idempotency-key-header-must-1"));
        }
        ServerInfo ordered = orders.order(new OrderRequest(body.name(), body.plan(), body.image(), body.sshKeys(),
                body.password(), idempotencyKey, body.userData()));
        return ResponseEntity.accepted().location(URI.create("/api/v1/servers/" + ordered.id())).body(json.of(ordered));
    }

    @GetMapping
    @Operation(summary = "Your servers")
    List<ApiJson.Server> list() {
        return json.of(servers.list());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One server")
    @ApiResponse(responseCode = "404", description = "no such server, or not yours")
    ApiJson.Server get(@PathVariable long id) {
        return json.of(servers.get(id));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a server", description = "The domain and its volumes are removed in the background; "
            + "the server reads as deleting, then 404. Its backups go with it unless keep_backups=true: then they "
            + "are listed at /api/v1/backups/kept, restorable into a new server.")
    @ApiResponse(responseCode = "202", description = "accepted; status is deleting")
    @ApiResponse(responseCode = "409", description = "another operation is running, or a backup of the server is being "
            + "made or restored into a new server")
    ResponseEntity<ApiJson.Server> delete(@PathVariable long id, @RequestBody(required = false) String body,
            @RequestParam(name = "keep_backups", defaultValue = "false") boolean keepBackups) {
        ServerActionsController.NoBody.require(body);
        return ResponseEntity.accepted().body(json.of(changes.delete(id, keepBackups)));
    }
}
