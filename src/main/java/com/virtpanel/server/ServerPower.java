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
    private final ServerDirectory directory;
    private final PowerHandOver handOver;
    private final ApplicationEventPublisher events;

    ServerPower(ServerAccess access, ServerRepository servers, ServerTransitions transitions, ServerInfos infos,
            OperationLaunch launch, Domains domains, ServerDirectory directory, PowerHandOver handOver,
            ApplicationEventPublisher events) {
        this.access = access;
        this.servers = servers;
        this.transitions = transitions;
        this.infos = infos;
        this.launch = launch;
        this.domains = domains;
        this.directory = directory;
        this.handOver = handOver;
        this.events = events;
    }

    public ServerInfo start(long id) {
        return act(id, ServerAction.START, Power.START);
    }

    /** Graceful: presses the ACPI power button. The status follows when the guest has stopped. */
    public ServerInfo shutdown(long id) {
        return act(id, ServerAction.SHUTDOWN, Power.SHUTDOWN);
    }

    public ServerInfo reboot(long id) {
        return act(id, ServerAction.REBOOT, Power.REBOOT);
    }

    /** Hard reset, for a guest that no longer reacts. */
    public ServerInfo reset(long id) {
        return act(id, ServerAction.RESET, Power.RESET);
    }

    /** Pulls the plug: also the "force off" offered when a shutdown is not honoured. */
    public ServerInfo powerOff(long id) {
        return act(id, ServerAction.POWER_OFF, Power.POWER_OFF);
    }

    /**
     * What the person asked is checked and recorded here, whichever instance took it; the host
     * part runs where the guest is: here, or on an instance of the server's host, which gets it
     * through its scheduler (the status then follows from that host's lifecycle events).
     */
    private ServerInfo act(long id, ServerAction action, Power power) {
        Server server = access.forAction(action, id);
        if (!directory.isHere(id)) {
            handOver.toHostOf(server, power);
            return record(id, power.audited, null);
        }
        return record(id, power.audited, perform(server, power));
    }

    /** The host part of a power action handed over by another host's instance (see {@link PowerHandOver}). */
    void performHandedOver(long id, Power power) {
        Server server = servers.findById(id).orElse(null);
        if (server == null || server.getOperation() != null || server.getStatus() == ServerStatus.DELETED) {
            return; // gone, or an operation took over meanwhile: the action no longer applies
        }
        ServerStatus after = perform(server, power);
        if (after != null) {
            launch.inFreshTransaction(() -> {
                servers.findById(id).ifPresent(s -> transitions.status(s, after));
                return null;
            });
        }
    }

    /** What libvirt is asked, on the guest's host; the status it leads to (null: the guest's events tell). */
    private ServerStatus perform(Server server, Power power) {
        String domain = server.getDomainName();
        switch (power) {
            case START -> domains.start(domain);
            case SHUTDOWN -> domains.shutdown(domain);
            case REBOOT -> {
                if (!restartsOffIso(server)) {
                    domains.reboot(domain);
                }
            }
            case RESET -> {
                if (!restartsOffIso(server)) {
                    domains.reset(domain);
                }
            }
            case POWER_OFF -> {
                if (domains.state(domain).isActive()) {
                    domains.powerOff(domain);
                }
            }
        }
        return power.leadsTo;
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

    /** The power actions: the name in the audit trail, and the status each leads to (null: the guest's events tell). */
    enum Power {
        START("start", ServerStatus.RUNNING),
        SHUTDOWN("shutdown", null),
        REBOOT("reboot", ServerStatus.REBOOTING),
        RESET("reset", ServerStatus.REBOOTING),
        POWER_OFF("poweroff", ServerStatus.STOPPED);

        final String audited;
        final ServerStatus leadsTo;

        Power(String audited, ServerStatus leadsTo) {
            this.audited = audited;
            this.leadsTo = leadsTo;
        }
    }
}
