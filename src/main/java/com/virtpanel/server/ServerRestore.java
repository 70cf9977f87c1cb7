package com.virtpanel.server;

import java.nio.file.Path;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replacing a server's disk by one written from a backup file, as a persisted operation like a
 * reinstall: the new disk is written first under a new name, then the guest is stopped, switched
 * to it and started; the old disk is removed only after the switch. Which file, and that it is
 * intact, the backup module decides; this only checks the caller may change the server now.
 */
@Service
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public class ServerRestore {

    private final ServerAccess access;
    private final OperationLaunch launch;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ServerRestore(ServerAccess access, OperationLaunch launch, ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.launch = launch;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param source the backup file (with its backing chain) the disk is written from
     * @param label  what the audit log calls the backup
     */
    public ServerInfo restore(long id, Path source, String label) {
        return launch.admitted(launch.inFreshTransaction(() -> {
            Server server = access.forAction(ServerAction.RESTORE, id);
            server.beginRestore(source.toAbsolutePath().toString(), clock.instant());
            launch.launch(server);
            events.publishEvent(new ServerEvents.RestoreRequested(id, server.getAccountId(), label));
            return id;
        }));
    }

    /** Refuses when the caller may not restore this server now (not theirs, busy, wrong status). */
    public void requireMayRestore(long id) {
        access.forAction(ServerAction.RESTORE, id);
    }
}
