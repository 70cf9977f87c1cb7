package com.virtpanel.fleet;

import com.virtpanel.base.Bytes;
import com.virtpanel.base.PanelException;
import com.virtpanel.base.hosts.LocalHost;
import com.virtpanel.base.hosts.PanelRoles;
import com.virtpanel.host.HostCapacity;
import com.virtpanel.host.HostOverview;
import com.virtpanel.host.HostProperties;
import com.virtpanel.server.CapacityProperties;
import com.virtpanel.server.ServerHosts;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This panel's host in the fleet: registered at start (and older servers adopted onto it), then
 * its capacity and last_heartbeat refreshed by {@link HeartbeatJob}. When libvirt cannot be reached
 * the heartbeat says so and the host is down at once (see {@link DownRule}); a panel that stops
 * beating takes its host down after the timeout.
 */
@Component
class Heartbeat {

    private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);

    private final FleetHostRepository hosts;
    private final HostOverview overview;
    private final HostProperties hostProperties;
    private final CapacityProperties limits;
    private final ServerHosts servers;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String name;
    private final boolean drivesHost;
    private final LocalHost local;
    private final Environment environment;

    Heartbeat(FleetHostRepository hosts, HostOverview overview, HostProperties hostProperties, CapacityProperties limits,
            ServerHosts servers, TransactionTemplate tx, Clock clock, LocalHost local, PanelRoles roles, Environment environment) {
        this.hosts = hosts;
        this.overview = overview;
        this.hostProperties = hostProperties;
        this.limits = limits;
        this.servers = servers;
        this.tx = tx;
        this.clock = clock;
        this.name = local.name();
        this.drivesHost = roles.host();
        this.local = local;
        this.environment = environment;
    }

    /** The name this panel's host is registered under. */
    String localName() {
        return name;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    void register() {
        if (!drivesHost) {
            return; // a web-only instance drives no host: nothing to register, no servers to adopt
        }
        HostReport report = report();
        try {
            tx.executeWithoutResult(t -> {
                FleetHost host = hosts.lockByName(name).orElse(null);
                if (host == null) {
                    host = hosts.saveAndFlush(new FleetHost(name, hostProperties.libvirt().uri(), clock.instant()));
                }
                host.report(report == null ? new HostReport(0, 0, 0, limits.cpuOvercommit(), limits.memoryOvercommit(),
                        limits.memoryReserveMib(), limits.diskOvercommit(), hostProperties.libvirt().uri()) : report, clock.instant());
                // the web server is up by now (started before this event), with its real port
                local.consoleUrl(environment.getProperty("local.server.port", Integer.class)).ifPresent(host::consoleAt);
                host.takesMigrations(local.migrationUri(hostProperties.libvirt().uri()).orElse(null),
                        hostProperties.storage().dir().toString(), hostProperties.network().name());
            });
        } catch (DataIntegrityViolationException simultaneous) {
            // another instance driving the same host registered it first: only the heartbeat is left to do
            beat();
        }
        if (report == null) {
            beat(); // says why libvirt could not be read: the host shows down rather than empty
        }
        int adopted = servers.adoptUnplaced(name);
        if (adopted > 0) {
            log.info("{} servers from before the fleet placed on host {}", adopted, name);
        }
    }

    /**
     * One heartbeat: the time, and the capacity from libvirt. When libvirtd cannot be reached the
     * heartbeat says so (the host shows down at once, with libvirt's problem, and gets back by the
     * next heartbeat that reads it); any other failure to read the capacity keeps the last figures.
     */
    void beat() {
        HostReport report;
        try {
            report = read();
        } catch (RuntimeException failed) {
            boolean lost = !overview.reachable()
                    || failed instanceof PanelException p && p.kind() == PanelException.Kind.UNAVAILABLE;
            String problem = overview.problem().isBlank() ? String.valueOf(failed.getMessage()) : overview.problem();
            if (lost) {
                log.debug("Host {}: libvirt unreachable for the heartbeat: {}", name, problem);
            } else {
                log.warn("Host {}: capacity not read for the heartbeat: {}", name, failed.getMessage());
            }
            tx.executeWithoutResult(t -> hosts.lockByName(name).ifPresent(h -> {
                if (lost) {
                    h.reportLibvirtLost(problem, clock.instant());
                } else {
                    h.reportAlive(clock.instant());
                }
            }));
            return;
        }
        tx.executeWithoutResult(t -> hosts.lockByName(name).ifPresent(h -> h.report(report, clock.instant())));
    }

    private HostReport report() {
        try {
            return read();
        } catch (RuntimeException unreachable) {
            log.warn("Host {} not read for its heartbeat: {}", name, unreachable.getMessage());
            return null;
        }
    }

    private HostReport read() {
        HostCapacity c = overview.capacity();
        return new HostReport(c.totalMemoryMib(), c.storage().capacityBytes() / Bytes.GIB, c.cpus(), limits.cpuOvercommit(),
                limits.memoryOvercommit(), limits.memoryReserveMib(), limits.diskOvercommit(), hostProperties.libvirt().uri());
    }
}
