package com.virtpanel.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.virtpanel.backup.BackupInfo;
import com.virtpanel.backup.BackupService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Backups of one server: list, back up now, delete. Someone else's server or backup is 404. */
@RestController
@RequestMapping("/api/v1/servers/{id}/backups")
@Tag(name = "Backups")
class BackupController {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Backup(long id, Instant createdAt, @Schema(allowableValues = {"full", "incremental"}) String kind, long sizeBytes,
            @Schema(allowableValues = {"crash", "filesystem"}) String consistency,
            @Schema(allowableValues = {"running", "ok", "failed", "damaged"}) String status,
            @Schema(description = "why it failed or is damaged; absent otherwise") String detail,
            @Schema(description = "how far the copy of a running backup is, 0-100 (100: copied, being checked); null when not running",
                    minimum = "0", maximum = "100", nullable = true) Integer progress) {

        static Backup of(BackupInfo b) {
            return new Backup(b.id(), b.createdAt(), b.kind().apiName(), b.sizeBytes(), b.consistency(), b.status().apiName(),
                    b.detail() == null ? null : b.detail().in(Problems.readerLanguage()), b.progress());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Started(long id, String status) {
    }

    /** Body of a restore: into this server ("same") or into a new server ("new") named {@code name}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RestoreBody(@Schema(allowableValues = {"same", "new"}, requiredMode = Schema.RequiredMode.REQUIRED) String target,
            @Schema(description = "name of the new server (target new)") String name) implements ApiRequest {
    }

    private final BackupService backups;
    private final ServerJsonFactory json;

    BackupController(BackupService backups, ServerJsonFactory json) {
        this.backups = backups;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "The server's backups, newest first")
    @ApiResponse(responseCode = "404", description = "no such server")
    List<Backup> list(@PathVariable long id) {
        return backups.list(id).stream().map(Backup::of).toList();
    }

    @PostMapping
    @Operation(summary = "Back the server up now", description = "A running server keeps running: its disk is copied "
            + "as it was when the backup started (crash-consistent). The first backup is full, later ones hold only the "
            + "changes since the previous one. Poll the list for its status.")
    @ApiResponse(responseCode = "202", description = "{id, status: running}")
    @ApiResponse(responseCode = "404", description = "no such server")
    @ApiResponse(responseCode = "409", description = "a backup, restore or delete of this server's backups is running, "
            + "or the server is busy")
    ResponseEntity<Started> backUpNow(@PathVariable long id, @RequestBody(required = false) String body) {
        ServerActionsController.NoBody.require(body);
        BackupInfo started = backups.backUpNow(id);
        return ResponseEntity.accepted().body(new Started(started.id(), started.status().apiName()));
    }

    @PostMapping("/{backupId}/restore")
    @Operation(summary = "Restore the server's disk from a backup", description = "The backup's files are checked "
            + "against their checksums first. The server (status restoring) gets a new disk written from the backup, "
            + "then is stopped, switched to it and started; its old disk is removed only after the switch. With target "
            + "new, a new server is ordered instead (the usual order rules) whose disk is the backup's; one restore from a "
            + "backup runs at a time (a second request while it runs is 409).")
    @ApiResponse(responseCode = "202", description = "accepted; the server, status restoring (target same), or the new "
            + "server, status provisioning (target new: same customer, plan and image, its disk the backup's)")
    @ApiResponse(responseCode = "400", description = "target is not \"same\" or \"new\", or the new server's name is invalid")
    @ApiResponse(responseCode = "404", description = "no such server or backup")
    @ApiResponse(responseCode = "409", description = "the backup is not ok or is damaged, a backup job runs, or the "
            + "server is busy or in a status that does not allow it")
    ResponseEntity<ApiJson.Server> restore(@PathVariable long id, @PathVariable long backupId, @RequestBody RestoreBody body) {
        return ResponseEntity.accepted().body(json.of(backups.restore(id, backupId, body.target(), body.name())));
    }

    @DeleteMapping("/{backupId}")
    @Operation(summary = "Delete a backup", description = "Later backups that build on it stay restorable: what they "
            + "need of it is merged into them first.")
    @ApiResponse(responseCode = "204", description = "deleted")
    @ApiResponse(responseCode = "404", description = "no such server or backup")
    @ApiResponse(responseCode = "409", description = "it is running, or another job works on this server's backups")
    ResponseEntity<Void> delete(@PathVariable long id, @PathVariable long backupId) {
        backups.delete(id, backupId);
        return ResponseEntity.noContent().build();
    }
}
