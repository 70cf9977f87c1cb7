package com.virtpanel.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.virtpanel.backup.BackupService;
import com.virtpanel.backup.KeptBackup;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Backups kept after their server was deleted (DELETE /servers/{id}?keep_backups=true). Someone else's is 404. */
@RestController
@RequestMapping("/api/v1/backups/kept")
@Tag(name = "Backups")
class KeptBackupController {

    /** A backup as in a server's list, plus the deleted server it was made of. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Kept(long id, long serverId, String serverName, java.time.Instant createdAt, String kind, long sizeBytes,
            String consistency, String status, String detail) {

        static Kept of(KeptBackup k) {
            BackupController.Backup b = BackupController.Backup.of(k.backup());
            return new Kept(b.id(), k.backup().serverId(), k.serverName(), b.createdAt(), b.kind(), b.sizeBytes(), b.consistency(),
                    b.status(), b.detail());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RestoreBody(@Schema(description = "name of the new server", requiredMode = Schema.RequiredMode.REQUIRED) String name)
            implements ApiRequest {
    }

    private final BackupService backups;
    private final ServerJsonFactory json;

    KeptBackupController(BackupService backups, ServerJsonFactory json) {
        this.backups = backups;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "Your kept backups (staff: everyone's), newest first")
    List<Kept> list() {
        return backups.kept().stream().map(Kept::of).toList();
    }

    @PostMapping("/{backupId}/restore")
    @Operation(summary = "Restore a kept backup into a new server", description = "A new server with the deleted "
            + "server's plan and image, ordered with the usual rules, whose disk is the backup's.")
    @ApiResponse(responseCode = "202", description = "accepted; the new server, status provisioning")
    @ApiResponse(responseCode = "400", description = "the name is invalid")
    @ApiResponse(responseCode = "404", description = "no such kept backup")
    @ApiResponse(responseCode = "409", description = "the backup is damaged or not ok, a restore from it runs, or the name is taken")
    ResponseEntity<ApiJson.Server> restore(@PathVariable long backupId, @RequestBody RestoreBody body) {
        return ResponseEntity.accepted().body(json.of(backups.restoreKept(backupId, body.name())));
    }

    @DeleteMapping("/{backupId}")
    @Operation(summary = "Delete a kept backup")
    @ApiResponse(responseCode = "204", description = "deleted")
    @ApiResponse(responseCode = "404", description = "no such kept backup")
    ResponseEntity<Void> delete(@PathVariable long backupId) {
        backups.deleteKept(backupId);
        return ResponseEntity.noContent().build();
    }
}
