/**
 * Backups of servers' disks: live full and incremental copies (libvirt backup jobs with
 * checkpoints, through the host module), a repository directory with a verified manifest per
 * server, and deleting a backup without breaking the chain of those after it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"base", "account", "server", "server :: page-sections", "host"})
package com.virtpanel.backup;
