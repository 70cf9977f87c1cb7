package com.virtpanel.api;

import com.virtpanel.base.InvalidInputException;
import com.virtpanel.server.ServerService;
import com.virtpanel.server.ServerView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
 * Power actions, reinstall, and the server calls that other modules will serve. Actions answer
 * 202 with the server as it is now; the power state follows (poll the server). Every call
 * checks ownership first, so someone else's server is 404 even where the call is not built yet.
 */
@RestController
@RequestMapping("/api/v1/servers/{id}")
@Tag(name = "Server actions")
class ServerActionsController {

    private final ServerService servers;
    private final ServerJsonFactory json;

    ServerActionsController(ServerService servers, ServerJsonFactory json) {
        this.servers = servers;
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
        ServerView result = switch (action) {
            case "start" -> servers.start(id);
            case "shutdown" -> servers.shutdown(id);
            case "reboot" -> servers.reboot(id);
            case "poweroff" -> servers.powerOff(id);
            case "reset" -> servers.reset(id);
            default -> {
                servers.get(id);
                throw new ApiException(HttpStatus.NOT_FOUND, "unknown-action", "Not found", "There is no action \""
                        + (action.length() > 40 ? action.substring(0, 40) + "…" : action) + "\". Actions are start, shutdown, "
                        + "reboot, poweroff, reset, reinstall and reset_password.", null);
            }
        };
        return ResponseEntity.accepted().body(json.of(result));
    }

    @PostMapping("/actions/reinstall")
    @Operation(summary = "Reinstall a server from an image", description = "The disk is replaced; given ssh_keys "
            + "(and password) replace the old ones, otherwise the server keeps them.")
    @ApiResponse(responseCode = "202", description = "accepted; status is reinstalling")
    ResponseEntity<ApiJson.Server> reinstall(@PathVariable long id, @RequestBody ReinstallBody body) {
        return ResponseEntity.accepted().body(json.of(servers.reinstall(id, body.image(), body.sshKeys(), body.password())));
    }

    @PostMapping("/actions/reset_password")
    @Operation(summary = "Not available yet: always 501", description = "Will set a generated root password offline "
            + "and return it once as {root_password}.")
    @ApiResponse(responseCode = "501", description = "not implemented yet")
    ResponseEntity<Void> resetPassword(@PathVariable long id, @RequestBody(required = false) String body) {
        NoBody.require(body);
        servers.get(id);
        throw ApiException.notImplemented("Resetting the root password through the API is not available yet.");
    }

    @GetMapping("/metrics")
    @Operation(summary = "Not available yet: always 501", description = "Will return time series of cpu, disk and network.")
    @ApiResponse(responseCode = "501", description = "not implemented yet")
    ResponseEntity<Void> metrics(@PathVariable long id, @RequestParam(required = false) String type,
            @RequestParam(required = false) String start, @RequestParam(required = false) String end) {
        servers.get(id);
        throw ApiException.notImplemented("Usage metrics are not available through the API yet; the server page shows them.");
    }

    @PostMapping("/console")
    @Operation(summary = "Not available yet: always 501", description = "Will return a console ticket {ticket,path,expires_at}.")
    @ApiResponse(responseCode = "501", description = "not implemented yet")
    ResponseEntity<Void> console(@PathVariable long id, @RequestBody(required = false) String body) {
        NoBody.require(body);
        servers.get(id);
        throw ApiException.notImplemented("Console tickets are not available through the API yet; open the console on the server page.");
    }

    /** Calls without a body refuse one, so a client that thinks it passes options learns it does not. */
    static final class NoBody {

        private NoBody() {
        }

        static void require(String body) {
            if (body != null && !body.isBlank() && !body.strip().equals("{}")) {
                throw new InvalidInputException("body", "This call takes no request body (or an empty JSON object).");
            }
        }
    }
}
