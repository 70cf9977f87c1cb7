package com.virtpanel.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.virtpanel.server.ServerRescue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Rescue mode of one server: boot the rescue system, leave it. Someone else's server is 404. */
@RestController
@RequestMapping("/api/v1/servers/{id}/actions")
@Tag(name = "Server actions")
class RescueController {

    /** Optional body of the rescue action. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RescueBody(@Schema(description = "also generate a one-time root password (always done when the server "
            + "has no SSH keys)") Boolean password) implements ApiRequest {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Rescue(@Schema(description = "the one-time root password of the rescue system; only in this response, "
            + "absent when the SSH keys suffice") String rootPassword, ApiJson.Server server) {

        @Override
        public String toString() {
            return "Rescue[" + server.id() + "]";
        }
    }

    private final ServerRescue rescue;
    private final ServerJsonFactory json;

    RescueController(ServerRescue rescue, ServerJsonFactory json) {
        this.rescue = rescue;
        this.json = json;
    }

    @PostMapping("/rescue")
    @Operation(summary = "Boot into the rescue system", description = "The server is shut down and started from a "
            + "rescue system in RAM; its disk is /dev/vdb. Log in as root over SSH at the server's address with its SSH keys "
            + "or the one-time password. Rescue mode ends when left, when the rescue system shuts down or reboots, or "
            + "after panel.rescue.timeout (60 minutes); the server then boots from its disk.")
    @ApiResponse(responseCode = "200", description = "{root_password?, server}")
    @ApiResponse(responseCode = "404", description = "no such server")
    @ApiResponse(responseCode = "409", description = "busy, in rescue already, or otherwise not possible now")
    ResponseEntity<Rescue> rescue(@PathVariable long id, @RequestBody(required = false) RescueBody body) {
        var started = rescue.rescue(id, body != null && Boolean.TRUE.equals(body.password()));
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new Rescue(started.rootPassword(), json.of(started.server())));
    }

    @PostMapping("/leave_rescue")
    @Operation(summary = "Leave rescue mode", description = "The rescue system shuts down; the server boots from its disk.")
    @ApiResponse(responseCode = "202", description = "accepted")
    @ApiResponse(responseCode = "409", description = "not in rescue mode, or busy")
    ResponseEntity<ApiJson.Server> leaveRescue(@PathVariable long id, @RequestBody(required = false) String body) {
        ServerActionsController.NoBody.require(body);
        return ResponseEntity.accepted().body(json.of(rescue.leaveRescue(id)));
    }
}
