package com.virtpanel.api;

import com.virtpanel.server.ServerIsos;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * ISOs: the ones the caller may boot, their own from a URL, and booting and ejecting them on a
 * server. The services check ownership: someone else's server or ISO is 404.
 */
@RestController
@Tag(name = "ISOs")
class IsoController {

    private final ServerIsos isos;
    private final ServerJsonFactory json;

    IsoController(ServerIsos isos, ServerJsonFactory json) {
        this.isos = isos;
        this.json = json;
    }

    @GetMapping("/api/v1/isos")
    @Operation(summary = "The ISOs the caller may boot: the library's and their own")
    List<IsoBodies.Iso> list() {
        return isos.isos().stream().map(IsoBodies.Iso::of).toList();
    }

    @PostMapping("/api/v1/isos")
    @Operation(summary = "Add an own ISO from a public http(s) URL", description = "Only when one of the caller's plans "
            + "includes own ISOs. Downloaded in the background: poll GET /api/v1/isos for its status.")
    @ApiResponse(responseCode = "202", description = "accepted; status is downloading")
    @ApiResponse(responseCode = "400", description = "invalid name, URL (not public) or checksum")
    @ApiResponse(responseCode = "409", description = "the plan does not include own ISOs, or the name is taken")
    ResponseEntity<IsoBodies.Iso> add(@RequestBody IsoBodies.AddIso body) {
        return ResponseEntity.accepted().body(IsoBodies.Iso.of(isos.addIso(body.name(), body.url(), body.sha256())));
    }

    @DeleteMapping("/api/v1/isos/{isoId}")
    @ApiResponse(responseCode = "204", description = "removed")
    ResponseEntity<Void> remove(@PathVariable long isoId) {
        isos.removeIso(isoId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/servers/{id}/actions/boot_iso")
    @Operation(summary = "Boot a server from an ISO", description = "The ISO is attached as a CD-ROM and the server is "
            + "(re)started from it; the next boot is from the disk again unless keep_booting. Install through the console.")
    @ApiResponse(responseCode = "202", description = "accepted; status is rebooting")
    @ApiResponse(responseCode = "400", description = "no or unknown ISO")
    @ApiResponse(responseCode = "409", description = "not possible in the server's current status, or the server is busy")
    ResponseEntity<ApiJson.Server> bootIso(@PathVariable long id, @RequestBody IsoBodies.BootIso body) {
        return ResponseEntity.accepted().body(json.of(isos.bootIso(id, body.iso(), Boolean.TRUE.equals(body.keepBooting()))));
    }

    @PostMapping("/api/v1/servers/{id}/actions/eject")
    @Operation(summary = "Eject the server's ISO", description = "Live and for good; the server keeps running.")
    @ApiResponse(responseCode = "202", description = "accepted")
    @ApiResponse(responseCode = "409", description = "no ISO attached, or the server is busy")
    ResponseEntity<ApiJson.Server> eject(@PathVariable long id, @RequestBody(required = false) String body) {
        ServerActionsController.NoBody.require(body);
        return ResponseEntity.accepted().body(json.of(isos.eject(id)));
    }

    @GetMapping("/api/v1/servers/{id}/iso")
    @Operation(summary = "The ISO attached to a server")
    IsoBodies.ServerIso attached(@PathVariable long id) {
        return new IsoBodies.ServerIso(isos.attached(id).map(IsoBodies.Attached::of).orElse(null));
    }
}
