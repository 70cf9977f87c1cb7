package com.virtpanel.server;

import com.virtpanel.base.ConflictException;
import com.virtpanel.base.UserMessage;
import com.virtpanel.base.hosts.LocalHost;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.PlanInfo;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff move a server to another host (see {@link Operation#MIGRATE}): a running one while it
 * keeps running (live migration), a stopped one stopped; to the host they name, or to the one
 * placement picks among the others. Like an order, the choice is made under the order guard,
 * and the server holds room on the target from that moment, so simultaneous moves and orders
 * never overfill a host. A dedicated server takes free reserved cores on the target then too,
 * and holds its old ones until it has arrived.
 */
@Service
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public class ServerMigrations {

    private final ServerAccess access;
    private final OperationLaunch launch;
    private final CatalogService catalog;
    private final Capacity capacity;
    private final OrderGuard guard;
    private final MigrationDestinations destinations;
    private final DedicatedCores cores;
    private final LocalHost localHost;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ServerMigrations(ServerAccess access, OperationLaunch launch, CatalogService catalog, Capacity capacity, OrderGuard guard,
            MigrationDestinations destinations, DedicatedCores cores, LocalHost localHost, ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.launch = launch;
        this.catalog = catalog;
        this.capacity = capacity;
        this.guard = guard;
        this.destinations = destinations;
        this.cores = cores;
        this.localHost = localHost;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Starts moving the server to {@code host} (null or blank: the host placement picks). Refused,
     * with nothing changed, unless the server runs or is stopped and has no ISO attached, and the
     * target is another active host that is up, takes migrations and has room (free reserved
     * cores for a dedicated server).
     */
    @PreAuthorize("hasRole('ADMIN')")
    public ServerInfo migrate(long id, String host) {
        String wanted = host == null || host.isBlank() ? null : host.trim();
        return launch.admitted(launch.inFreshTransaction(() -> {
            // one decision at a time, the server read after the one before has committed: asked again
            // meanwhile, it is busy moving (not: "no room", the room its own move took on the target)
            guard.hold();
            Server server = access.forHostAction(id);
            if (server.getStatus() != ServerStatus.RUNNING && server.getStatus() != ServerStatus.STOPPED) {
                throw new ConflictException(UserMessage.of("error.server.migrate-needs-settled"));
            }
            if (server.getIsoId() != null) {
                throw new ConflictException(UserMessage.of("error.server.migrate-iso"));
            }
            PlanInfo plan = catalog.plan(server.getPlanId());
            String from = localHost.or(server.getHost());
            String to = capacity.placeMove(plan, from, wanted, target -> destinations.of(target).isPresent());
            if (destinations.of(to).isEmpty()) { // the host staff named
                throw new ConflictException(UserMessage.of("error.server.migrate-no-address", to));
            }
            if (plan.dedicated()) {
                cores.reserve(to, id, plan.dedicatedVcpus()); // no free core there: refused, nothing changed
            }
            server.beginMigration(from, to, clock.instant());
            launch.launch(server);
            events.publishEvent(new ServerEvents.MigrationRequested(id, server.getAccountId(), from, to));
            return id;
        }));
    }
}
