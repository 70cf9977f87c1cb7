package com.virtpanel.server;

import com.virtpanel.account.AccountService;
import com.virtpanel.account.AccountStatus;
import com.virtpanel.base.ConflictException;
import com.virtpanel.base.UserMessage;
import com.virtpanel.host.RescueSystem;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rescue mode, for the UI and the REST API: the server boots a small rescue system from RAM
 * with its own disk as the second disk (/dev/vdb), reachable by SSH at its own address with
 * its SSH keys, or with a one-time root password shown once. Rescue mode ends when the customer
 * leaves it, when the rescue system stops (shut down or rebooted from inside) or after
 * panel.rescue.timeout ({@link RescueEnd}); the server then boots from its disk again.
 * Only the caller's own servers (or any, for staff).
 */
@Service
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public class ServerRescue {

    /** @param rootPassword the one-time root password, or null when the SSH keys suffice; never stored */
    public record Started(ServerInfo server, String rootPassword) {
    }

    private final ServerAccess access;
    private final OperationLaunch launch;
    private final RescueSystem rescueSystem;
    private final ServerRepository servers;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AccountService accounts;

    ServerRescue(ServerAccess access, OperationLaunch launch, RescueSystem rescueSystem, ServerRepository servers,
            ApplicationEventPublisher events, Clock clock, AccountService accounts) {
        this.accounts = accounts;
        this.access = access;
        this.launch = launch;
        this.rescueSystem = rescueSystem;
        this.servers = servers;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Boots the server into rescue. {@code oneTimePassword}: also generate a root password (always
     * done when the server has no SSH keys, or nobody could log in). Only its hash is kept, and
     * only in the rescue seed.
     */
    public Started rescue(long id, boolean oneTimePassword) {
        String password = launch.inFreshTransaction(() -> {
            Server server = access.forAction(ServerAction.RESCUE, id);
            if (!rescueSystem.available()) {
                throw new ConflictException(UserMessage.of("error.server.rescue-not-available"));
            }
            boolean withPassword = oneTimePassword || server.getSshKeys().isEmpty();
            String generated = withPassword ? RootPasswords.generate() : null;
            server.beginRescue(generated == null ? null : RootPasswords.hash(generated), clock.instant());
            launch.launch(server);
            events.publishEvent(new ServerEvents.RescueRequested(id, server.getAccountId(), withPassword));
            return generated == null ? "" : generated;
        });
        return new Started(launch.admitted(id), password.isEmpty() ? null : password);
    }

    /** Shuts the rescue system down and boots the server from its disk again. */
    public ServerInfo leaveRescue(long id) {
        return launch.admitted(launch.inFreshTransaction(() -> {
            Server server = access.forAction(ServerAction.LEAVE_RESCUE, id);
            server.beginLeaveRescue(true, clock.instant());
            launch.launch(server);
            events.publishEvent(new ServerEvents.LeaveRescueRequested(id, server.getAccountId(), null));
            return id;
        }));
    }

    /** When the server's rescue mode ends by itself; empty when it is not in rescue mode. */
    @Transactional(readOnly = true)
    public Optional<Instant> rescueUntil(long id) {
        Server server = access.owned(id);
        return server.getStatus() == ServerStatus.RESCUE ? Optional.ofNullable(server.getRescueUntil()) : Optional.empty();
    }

    /** The panel's own end of rescue mode (no caller: {@link RescueEnd}); false when it is not (or no longer) due. */
    boolean endAutomatically(long id, String reason) {
        Boolean ended = launch.inFreshTransaction(() -> servers.findById(id)
                .filter(s -> s.getStatus() == ServerStatus.RESCUE && s.getOperation() == null)
                .map(s -> {
                    // a suspended customer's server stays off (SuspensionEnforcer stopped the rescue system)
                    boolean startAgain = accounts.get(s.getAccountId()).status() != AccountStatus.SUSPENDED;
                    s.beginLeaveRescue(startAgain, clock.instant());
                    launch.launch(s);
                    events.publishEvent(new ServerEvents.LeaveRescueRequested(id, s.getAccountId(), reason));
                    return true;
                }).orElse(false));
        return Boolean.TRUE.equals(ended);
    }
}
