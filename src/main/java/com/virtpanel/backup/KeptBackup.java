package com.virtpanel.backup;

/**
 * A backup kept after its server was deleted, as the kept-backups page and the API show it.
 *
 * @param serverName the deleted server's name
 */
public record KeptBackup(BackupInfo backup, String serverName) {
}
