/**
 * Backups of servers' disks: live full and incremental copies (libvirt backup jobs with
 * checkpoints, through the host module), a repository directory with a verified manifest per
 * server, deleting a backup without breaking the chain of those after it, the plans' daily
 * schedule with its retention (the plan's backup slots, from the catalog), and "verify all".
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"base", "account", "server", "server :: page-sections", "catalog", "host"})
package com.virtpanel.backup;
