package com.virtpanel.server;

import com.virtpanel.base.UserMessage;

import com.virtpanel.account.Actor;
import com.virtpanel.account.CurrentUser;
import com.virtpanel.account.EmailVerificationService;
import com.virtpanel.account.SshKeyService;
import com.virtpanel.account.SshPublicKey;
import com.virtpanel.base.CapacityException;
import com.virtpanel.base.ConflictException;
import com.virtpanel.base.InvalidInputException;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.ImageInfo;
import com.virtpanel.catalog.PlanInfo;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ordering a server, for the UI and the REST API alike: validate everything first (nothing is
 * created on bad input), check the host's capacity, store the server and schedule its
 * provisioning, all in one transaction.
 *
 * <p>The same order twice (its order key) and a second server of the same name are refused by
 * the database's unique constraints, which hold for simultaneous requests on any number of
 * panel instances; the refusal is translated here: the same order key answers with the first
 * server, a taken name with a conflict.
 */
@Service
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public class ServerOrders {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ServerRepository servers;
    private final EmailVerificationService emailVerification;
    private final CurrentUser currentUser;
    private final SshKeyService sshKeys;
    private final CatalogService catalog;
    private final Capacity capacity;
    private final GuestBlueprint blueprint;
    private final OrderGuard guard;
    private final OperationLaunch launch;
    private final ServerInfos infos;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AddressSource addressSource;
    private final AddressHolders holders;
    private final DedicatedCores cores;

    ServerOrders(ServerRepository servers, CurrentUser currentUser, SshKeyService sshKeys, CatalogService catalog,
            Capacity capacity, GuestBlueprint blueprint, OrderGuard guard, OperationLaunch launch, ServerInfos infos,
            ApplicationEventPublisher events, TransactionTemplate tx, Clock clock, EmailVerificationService emailVerification,
            AddressSource addressSource, AddressHolders holders, DedicatedCores cores) {
        this.cores = cores;
        this.addressSource = addressSource;
        this.holders = holders;
        this.emailVerification = emailVerification;
        this.servers = servers;
        this.currentUser = currentUser;
        this.sshKeys = sshKeys;
        this.catalog = catalog;
        this.capacity = capacity;
        this.blueprint = blueprint;
        this.guard = guard;
        this.launch = launch;
        this.infos = infos;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** Accepts an order. The same order key returns the first server instead of a second one. */
    public ServerInfo order(OrderRequest request) {
        Actor actor = currentUser.requireMayChange();
        emailVerification.requireVerifiedToOrder(actor.accountId());
        String orderKey = blankToNull(request.orderKey());
        Optional<ServerInfo> placed = placedBefore(actor, orderKey);
        if (placed.isPresent()) {
            return placed.get();
        }
        String name = Hostnames.normalise(request.name());
        PlanInfo plan = catalog.orderablePlan(request.plan());
        ImageInfo image = catalog.orderableImage(request.image());
        List<SshPublicKey> keys = sshKeys.parseAll("ssh_keys", request.sshKeys());
        String passwordHash = RootPasswords.hashChosen(request.password());
        if (keys.isEmpty() && passwordHash == null) {
            throw new InvalidInputException("ssh_keys", UserMessage.of("error.server.add-at-least-one-ssh"));
        }
        String userData = UserData.checked(request.userData());
        Long id;
        try {
            id = tx.execute(t -> place(new Placement(actor.accountId(), name, plan, image,
                    keys.stream().map(SshPublicKey::line).toList(), passwordHash, userData, orderKey, null)));
        } catch (DataIntegrityViolationException | ConflictException refused) {
            // A simultaneous request committed the same order key (or name) first: the same order is answered with its server.
            Optional<ServerInfo> first = placedBefore(actor, orderKey);
            if (first.isPresent()) {
                return first.get();
            }
            if (refused instanceof ConflictException taken) {
                throw taken;
            }
            requireFreeName(actor.accountId(), name);
            throw new ConflictException(UserMessage.of("error.server.order-was-just-placed-name"));
        }
        return launch.admitted(id);
    }

    /**
     * Orders a new server whose disk is a backup's instead of a fresh one (restore into a new
     * server): the source server's customer, plan, image, keys, password and user data, a new
     * name, address and domain; the same capacity and name rules as any order. The caller (the
     * backup module) has checked the backup; {@code source} is its file, the top of its chain.
     * The source server may be deleted (kept backups).
     */
    public ServerInfo orderFromBackup(long sourceServerId, String rawName, java.nio.file.Path source, String label) {
        Server from = tx.execute(t -> servers.findById(sourceServerId))
                .orElseThrow(() -> new com.virtpanel.base.NotFoundException(UserMessage.of("error.server.server-not-found")));
        currentUser.requireMayChange().requireMayChange(from.getAccountId());
        emailVerification.requireVerifiedToOrder(from.getAccountId());
        String name = Hostnames.normalise(rawName);
        PlanInfo plan = catalog.plan(from.getPlanId());
        ImageInfo image = catalog.image(from.getImageId());
        Long id;
        try {
            id = tx.execute(t -> {
                long placed = place(new Placement(from.getAccountId(), name, plan, image, from.getSshKeys(),
                        from.getRootPasswordHash(), from.getUserData(), null, source.toAbsolutePath().toString()));
                events.publishEvent(new ServerEvents.RestoreRequested(placed, from.getAccountId(), label));
                return placed;
            });
        } catch (DataIntegrityViolationException refused) {
            requireFreeName(from.getAccountId(), name);
            throw new ConflictException(UserMessage.of("error.server.order-was-just-placed-name"));
        }
        return launch.admitted(id);
    }

    /** What a new server is made of; {@code restoreSource} is a backup file for its first disk, or null. */
    private record Placement(long accountId, String name, PlanInfo plan, ImageInfo image, List<String> sshKeys,
            String passwordHash, String userData, String orderKey, String restoreSource) {
    }

    /** Stores the server and schedules its provisioning; runs inside the order's transaction. */
    private long place(Placement p) {
        requireFreeName(p.accountId(), p.name());
        guard.hold(); // capacity and address: decided by one order at a time
        // Room is the fleet's answer from the hosts' heartbeats: an order never waits on libvirt,
        // so a slow or hung daemon cannot hold up or fail the customer's order itself
        String onHost = capacity.place(p.plan());
        Server server = new Server(p.accountId(), p.name(), p.plan().id(), p.image().id(), domainName(p.name()), freeAddress(),
                randomMac(), p.sshKeys(), p.passwordHash(), p.orderKey(), clock.instant());
        server.placeOn(onHost);
        server.setUserData(p.userData());
        server.assignIpv6Net(freeIpv6Net());
        if (p.restoreSource() != null) {
            server.provisionFrom(p.restoreSource());
        }
        server = servers.saveAndFlush(server);
        if (p.plan().dedicated()) {
            // in this transaction: a core the database refuses (held meanwhile) rolls the whole order back
            cores.reserve(onHost, server.getId(), p.plan().dedicatedVcpus());
        }
        launch.launch(server);
        events.publishEvent(new ServerEvents.Ordered(server.getId(), p.accountId(), p.name(), p.plan().name(), p.image().name()));
        return server.getId();
    }

    /** Checks a hostname for the order wizard before the order itself: valid, and not yet used by the caller. */
    @Transactional(readOnly = true)
    public String checkName(String rawName) {
        Actor actor = currentUser.require();
        String name = Hostnames.normalise(rawName);
        requireFreeName(actor.accountId(), name);
        return name;
    }

    /** Checks a hostname for a server of {@code accountId} before anything is held: valid (else 400), free (else 409). */
    @Transactional(readOnly = true)
    public String checkNameFor(long accountId, String rawName) {
        String name = Hostnames.normalise(rawName);
        requireFreeName(accountId, name);
        return name;
    }

    private Optional<ServerInfo> placedBefore(Actor actor, String orderKey) {
        if (orderKey == null) {
            return Optional.empty();
        }
        return tx.execute(t -> servers.findByAccountIdAndOrderKey(actor.accountId(), orderKey).map(infos::of));
    }

    private void requireFreeName(long accountId, String name) {
        if (servers.existsByAccountIdAndNameAndStatusNot(accountId, name, ServerStatus.DELETED)) {
            throw new ConflictException(UserMessage.of("error.server.name-taken", name));
        }
    }

    /** The pools' first address no server holds and none deleted within the cool-down rests on. */
    private String freeAddress() {
        String address = addressSource.freeIpv4(holders.unavailableIpv4());
        if (address == null) {
            throw new CapacityException(UserMessage.of("error.server.host-has-no-free-ip"));
        }
        return address;
    }

    /** The lowest /64 of the pools that no server holds and none deleted within the cool-down rests on. */
    private int freeIpv6Net() {
        Integer net = addressSource.freeIpv6Net(holders.unavailableIpv6Nets());
        if (net == null) {
            throw new CapacityException(UserMessage.of("error.server.host-has-no-free-ip"));
        }
        return net;
    }

    private static String domainName(String hostname) {
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        String label = hostname.replace('.', '-');
        if (label.length() > 40) {
            label = label.substring(0, 40);
        }
        return "vp-" + HexFormat.of().formatHex(random) + "-" + label;
    }

    /** A locally administered MAC in QEMU's 52:54:00 range. */
    private static String randomMac() {
        byte[] b = new byte[3];
        RANDOM.nextBytes(b);
        return String.format("52:54:00:%02x:%02x:%02x", b[0], b[1], b[2]);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
