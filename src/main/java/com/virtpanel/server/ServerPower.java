package com.virtpanel.server;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.NotFoundException;
import com.virtpanel.host.Domains;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Power actions on a customer's server, for the UI and the REST API alike; only the caller's
 * own servers (or any, for staff).
 *
 * <p>Each calls the host outside any database transaction, then records the new status in a
 * short one: libvirt's lifecycle events update the same row meanwhile, and a long transaction
 * would collide with them.
 */
@Service
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public class ServerPower {

    private final ServerAccess access;
    private final ServerRepository servers;
    private final ServerTransitions transitions;
    private final ServerInfos infos;
    private final OperationLaunch launch;
    private final Domains domains;
    private final ApplicationEventPublisher events;

    ServerPower(ServerAccess access, ServerRepository servers, ServerTransitions transitions, ServerInfos infos,
            OperationLaunch launch, Domains domains, ApplicationEventPublisher events) {
        this.access = access;
        this.servers = servers;
        this.transitions = transitions;
        this.infos = infos;
        this.launch = launch;
        this.domains = domains;
        this.events = events;
    }

    public ServerInfo start(long id) {
        Server server = access.forAction(ServerAction.START, id);
        domains.start(server.getDomainName());
        return record(id, "start", ServerStatus.RUNNING);
    }

    /** Graceful: presses the ACPI power button. The status follows when the guest has stopped. */
    public ServerInfo shutdown(long id) {
        Server server = access.forAction(ServerAction.SHUTDOWN, id);
        domains.shutdown(server.getDomainName());
        return record(id, "shutdown", null);
    }

    public ServerInfo reboot(long id) {
        Server server = access.forAction(ServerAction.REBOOT, id);
        if (!restartsOffIso(server)) {
            domains.reboot(server.getDomainName());
        }
        return record(id, "reboot", ServerStatus.REBOOTING);
    }

    /** Hard reset, for a guest that no longer reacts. */
    public ServerInfo reset(long id) {
        Server server = access.forAction(ServerAction.RESET, id);
        if (!restartsOffIso(server)) {
            domains.reset(server.getDomainName());
        }
        return record(id, "reset", ServerStatus.REBOOTING);
    }

    /** Pulls the plug: also the "force off" offered when a shutdown is not honoured. */
    public ServerInfo powerOff(long id) {
        Server server = access.forAction(ServerAction.POWER_OFF, id);
        if (domains.state(server.getDomainName()).isActive()) {
            domains.powerOff(server.getDomainName());
        }
        return record(id, "poweroff", ServerStatus.STOPPED);
    }

    /**
     * A guest booted once from its ISO keeps the CD-ROM first for as long as its QEMU process
     * runs (a reboot inside it would start the ISO again): the virtual machine is stopped and
     * started instead, so the stored definition — the disk first — takes effect.
     */
    private boolean restartsOffIso(Server server) {
        if (server.getIsoId() == null || server.isIsoKeepBooting() || !domains.runsFromIso(server.getDomainName())) {
            return false;
        }
        domains.powerOff(server.getDomainName());
        domains.start(server.getDomainName());
        return true;
    }

    /** Records a power action: the new status (null: unchanged) and the event, in one short transaction. */
    private ServerInfo record(long id, String action, ServerStatus status) {
        return launch.inFreshTransaction(() -> {
            Server server = servers.findById(id).orElseThrow(() -> new NotFoundException(UserMessage.of("error.server.server-not-found")));
            if (status != null) {
                server.clearFailure();
                transitions.status(server, status);
            }
            events.publishEvent(new ServerEvents.PowerAction(id, server.getAccountId(), action));
            return infos.of(server);
        });
    }
}
