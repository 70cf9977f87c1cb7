package com.virtpanel.api;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.InvalidInputException;
import com.virtpanel.console.ConsoleTickets;
import com.virtpanel.server.ServerChanges;
import com.virtpanel.server.ServerInfo;
import com.virtpanel.server.ServerMigrations;
import com.virtpanel.server.ServerPower;
import com.virtpanel.server.ServerService;
import com.virtpanel.usage.MetricType;
import com.virtpanel.usage.UsageService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Power actions, reinstall, root password, usage and console of one server. Actions answer 202
 * with the server as it is now; the power state follows (poll the server). The services check
 * ownership, so someone else's server is 404.
 */
@RestController
@RequestMapping("/api/v1/servers/{id}")
@Tag(name = "Server actions")
class ServerActionsController {

    private final ServerService servers;
    private final ServerPower power;
    private final ServerChanges changes;
    private final UsageService usage;
    private final ConsoleTickets consoles;
    private final ServerJsonFactory json;
    private final ServerMigrations migrations;

    ServerActionsController(ServerService servers, ServerPower power, ServerChanges changes, UsageService usage,
            ConsoleTickets consoles, ServerJsonFactory json, ServerMigrations migrations) {
        this.migrations = migrations;
        this.servers = servers;
        this.power = power;
        this.changes = changes;
        this.usage = usage;
        this.consoles = consoles;
        this.json = json;
    }

    @PostMapping("/actions/{action}")
    @Operation(summary = "Start, shut down (ACPI), reboot, power off or reset a server")
    @ApiResponse(responseCode = "202", description = "accepted")
    @ApiResponse(responseCode = "404", description = "no such server or action")
    @ApiResponse(responseCode = "409", description = "not possible in the server's current status")
    ResponseEntity<ApiJson.Server> act(@PathVariable long id,
            @Parameter(schema = @Schema(allowableValues = {"start", "shutdown", "reboot", "poweroff", "reset"}))
            @PathVariable String action,
            @RequestBody(required = false) String body) {
        NoBody.require(body);
        ServerInfo result = switch (action) {
            case "start" -> power.start(id);
            case "shutdown" -> power.shutdown(id);
            case "reboot" -> power.reboot(id);
            case "poweroff" -> power.powerOff(id);
            case "reset" -> power.reset(id);
            default -> {
                servers.get(id);
                throw new ApiException(HttpStatus.NOT_FOUND, "unknown-action", UserMessage.of("error.api.unknown-action",
                        action.length() > 40 ? action.substring(0, 40) + "…" : action), null);
            }
        };
        return ResponseEntity.accepted().body(json.of(result));
    }

    @PostMapping("/actions/reinstall")
    @Operation(summary = "Reinstall a server from an image", description = "The disk is replaced; given ssh_keys "
            + "(and password) replace the old ones, otherwise the server keeps them.")
    @ApiResponse(responseCode = "202", description = "accepted; status is reinstalling")
    ResponseEntity<ApiJson.Server> reinstall(@PathVariable long id, @RequestBody ReinstallBody body) {
        return ResponseEntity.accepted().body(json.of(changes.reinstall(id, body.image(), body.sshKeys(), body.password(), body.userData())));
    }

    @PostMapping("/actions/migrate")
    @Operation(summary = "Staff: move a server to another host; a running one keeps running (live migration)",
            description = "To the host named, or without one to the host placement picks among the others. A stopped server "
            + "moves stopped. The status is migrating until the server is on the new host; a failed move leaves it where it "
            + "was, as it was.")
    @ApiResponse(responseCode = "202", description = "accepted; status is migrating")
    @ApiResponse(responseCode = "403", description = "not staff with the admin role")
    @ApiResponse(responseCode = "409", description = "neither running nor stopped, busy, an ISO attached, dedicated cores, or no host can take it")
    ResponseEntity<ApiJson.Server> migrate(@PathVariable long id, @RequestBody(required = false) MigrateBody body) {
        return ResponseEntity.accepted().body(json.of(migrations.migrate(id, body == null ? null : body.host())));
    }

    @PostMapping("/actions/reset_password")
    @Operation(summary = "Give root a new, generated password", description = "Returned once, never stored in clear. "
            + "It is written into the server's disk offline (libguestfs): a running server is shut down and started again; "
            + "its status is rebooting until then.")
    @ApiResponse(responseCode = "200", description = "{root_password}")
    @ApiResponse(responseCode = "409", description = "not possible in the server's current status or for its OS")
    ResponseEntity<ApiJson.RootPassword> resetPassword(@PathVariable long id, @RequestBody(required = false) String body) {
        NoBody.require(body);
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new ApiJson.RootPassword(changes.resetRootPassword(id)));
    }

    @GetMapping("/metrics")
    @Operation(summary = "CPU, disk and network usage as time series", description = "start and end are ISO-8601 "
            + "instants (or Unix seconds; default: the last hour). Up to a day: raw samples; up to a week: 5-minute points; beyond: hourly.")
    @ApiResponse(responseCode = "200", description = "the series asked for")
    @ApiResponse(responseCode = "400", description = "unknown type, unreadable or reversed range")
    ApiJson.Metrics metrics(@PathVariable long id,
            @Parameter(description = "comma-separated: cpu, disk, network (default: all)") @RequestParam(required = false) String type,
            @RequestParam(required = false) String start, @RequestParam(required = false) String end) {
        return ApiJson.Metrics.of(usage.metrics(id, MetricType.parse(type), QueryInstants.parse("start", start), QueryInstants.parse("end", end)));
    }

    @PostMapping("/console")
    @Operation(summary = "A single-use console ticket", description = "Open a WebSocket at path (it carries the ticket) "
            + "before expires_at, with the same Authorization header; it speaks RFB (VNC).")
    @ApiResponse(responseCode = "200", description = "{ticket,path,expires_at}")
    @ApiResponse(responseCode = "409", description = "the server is not running")
    ResponseEntity<ApiJson.ConsoleTicket> console(@PathVariable long id, @RequestBody(required = false) String body) {
        NoBody.require(body);
        var ticket = consoles.forApi(id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new ApiJson.ConsoleTicket(ticket.ticket(), ticket.path(), ticket.expiresAt()));
    }

    /** Calls without a body refuse one, so a client that thinks it passes options learns it does not. */
    static final class NoBody {

        private NoBody() {
        }

        static void require(String body) {
            if (body != null && !body.isBlank() && !body.strip().equals("{}")) {
                throw new InvalidInputException("body", UserMessage.of("error.api.call-takes-no-request-body"));
            }
        }
    }
}
