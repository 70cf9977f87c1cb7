package com.virtpanel.backup;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * panel.backup.*: where backups go and how many are made at once.
 *
 * @param dir         the repository: a local directory or a mounted share (default ${panel.storage.dir}/backups)
 * @param maxParallel backups running at once on this panel instance; more wait their turn
 * @param timeout     a backup job still running after this long is stopped and counts as failed
 */
@ConfigurationProperties("panel.backup")
record BackupProperties(Path dir, @DefaultValue("2") int maxParallel, @DefaultValue("6h") Duration timeout) {
}
