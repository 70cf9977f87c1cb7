package com.virtpanel.server;

/**
 * Lets a module that depends on servers refuse a server's deletion while its own work needs the
 * server (the backup module: a new server is being restored from one of its backups). Called
 * inside the delete's transaction, before anything changes; refuses with a PanelException.
 */
public interface ServerDeletionVeto {

    void requireMayDelete(long serverId);
}
