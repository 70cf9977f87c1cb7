package com.virtpanel.server;

import com.virtpanel.account.Actor;
import com.virtpanel.account.EmailVerificationService;
import com.virtpanel.account.CurrentUser;
import com.virtpanel.account.SshKeyService;
import com.virtpanel.account.SshPublicKey;
import com.virtpanel.base.CapacityException;
import com.virtpanel.base.ConflictException;
import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.NotFoundException;
import com.virtpanel.base.PanelException;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.ImageInfo;
import com.virtpanel.catalog.OsFamily;
import com.virtpanel.catalog.PlanInfo;
import com.virtpanel.host.Domains;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.Set;
import org.apache.commons.codec.digest.Sha2Crypt;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Everything a customer does with servers, for the UI and the REST API alike. Every method
 * that takes a server id checks that the caller owns it (or is staff); a server that is not
 * theirs is "not found", exactly like one that does not exist.
 */
@Service
@Transactional
public class ServerService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Object ORDER_LOCK = new Object();

    private final ServerRepository servers;
    private final CurrentUser currentUser;
    private final SshKeyService sshKeys;
    private final CatalogService catalog;
    private final Capacity capacity;
    private final GuestBlueprint blueprint;
    private final OperationScheduler scheduler;
    private final OperationGate gate;
    private final ServerTransitions transitions;
    private final ServerViews views;
    private final Domains domains;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    private final EmailVerificationService emailVerification;

    ServerService(ServerRepository servers, CurrentUser currentUser, SshKeyService sshKeys,
            CatalogService catalog, Capacity capacity, GuestBlueprint blueprint, OperationScheduler scheduler,
            OperationGate gate, ServerTransitions transitions, ServerViews views, Domains domains, ApplicationEventPublisher events,
            TransactionTemplate tx, Clock clock, EmailVerificationService emailVerification) {
        this.emailVerification = emailVerification;
        this.servers = servers;
        this.currentUser = currentUser;
        this.sshKeys = sshKeys;
        this.catalog = catalog;
        this.capacity = capacity;
        this.blueprint = blueprint;
        this.scheduler = scheduler;
        this.gate = gate;
        this.transitions = transitions;
        this.views = views;
        this.domains = domains;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Accepts an order: validates everything first (nothing is created on bad input), checks
     * the host's capacity, stores the server and schedules its provisioning, all in one
     * transaction. The same order key returns the first server instead of a second one.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ServerView order(OrderRequest request) {
        Actor actor = activeActor();
        emailVerification.requireVerifiedToOrder(actor.accountId());
        if (request.orderKey() != null && !request.orderKey().isBlank()) {
            var existing = servers.findByAccountIdAndOrderKey(actor.accountId(), request.orderKey());
            if (existing.isPresent()) {
                return view(existing.get());
            }
        }
        String name = Hostnames.normalise(request.name());
        PlanInfo plan = catalog.orderablePlan(request.plan());
        ImageInfo image = catalog.orderableImage(request.image());
        List<SshPublicKey> keys = sshKeys.parseAll("ssh_keys", request.sshKeys());
        String passwordHash = rootPasswordHash(request.password());
        if (keys.isEmpty() && passwordHash == null) {
            throw new InvalidInputException("ssh_keys", "Add at least one SSH key or set a root password, or you could not log in.");
        }
        Long id;
        // One order at a time: capacity, name and address are decided together. The whole
        // transaction, commit listeners included, runs inside the lock, so orders waiting for
        // their turn hold no database connection (a burst of orders cannot drain the pool).
        synchronized (ORDER_LOCK) {
            id = tx.execute(t -> {
                if (servers.existsByAccountIdAndNameAndStatusNot(actor.accountId(), name, ServerStatus.DELETED)) {
                    throw new ConflictException("You already have a server called \"" + name + "\".");
                }
                capacity.check(plan);
                String ipv4 = freeAddress();
                Server server = new Server(actor.accountId(), name, plan.id(), image.id(), domainName(name), ipv4, randomMac(),
                        keys.stream().map(SshPublicKey::line).toList(), passwordHash, blankToNull(request.orderKey()),
                        clock.instant());
                try {
                    server = servers.saveAndFlush(server);
                } catch (DataIntegrityViolationException raced) {
                    throw new ConflictException("This order was just placed, or the name is taken. Refresh and check your servers.");
                }
                launch(server);
                events.publishEvent(new ServerEvents.Ordered(server.getId(), actor.accountId(), name, plan.name(), image.name()));
                return server.getId();
            });
        }
        return admitted(id);
    }

    /** Checks a hostname for the order wizard before the order itself: valid, and not yet used by the caller. */
    @Transactional(readOnly = true)
    public String checkName(String rawName) {
        Actor actor = currentUser.require();
        String name = Hostnames.normalise(rawName);
        if (servers.existsByAccountIdAndNameAndStatusNot(actor.accountId(), name, ServerStatus.DELETED)) {
            throw new ConflictException("You already have a server called \"" + name + "\".");
        }
        return name;
    }

    /** The caller's servers; staff see everyone's. */
    @Transactional(readOnly = true)
    public List<ServerView> list() {
        Actor actor = currentUser.require();
        List<Server> found = actor.isStaff() && !actor.isImpersonated()
                ? servers.findByStatusNotOrderByCreatedAt(ServerStatus.DELETED)
                : servers.findByAccountIdAndStatusNotOrderByCreatedAt(actor.accountId(), ServerStatus.DELETED);
        return views.of(found);
    }

    /** A customer's servers, for staff pages. */
    @Transactional(readOnly = true)
    public List<ServerView> listOf(long accountId) {
        Actor actor = currentUser.require();
        if (!actor.mayAccess(accountId)) {
            throw new NotFoundException("Account not found.");
        }
        return views.of(servers.findByAccountIdAndStatusNotOrderByCreatedAt(accountId, ServerStatus.DELETED));
    }

    @Transactional(readOnly = true)
    public ServerView get(long id) {
        return view(owned(id));
    }

    /**
     * What the caller may do to the server now, each with the reason when not: the checks the
     * actions below make (may the caller act, is the server busy, its status, its OS), asked
     * without acting, so views and the API offer only what will work.
     */
    @Transactional(readOnly = true)
    public AllowedActions allowedActions(long id) {
        Server server = owned(id);
        String refusedForAll = null;
        try {
            forAction(id);
        } catch (PanelException refused) { // a read-only visit, staff outside a visit, a suspended account, busy
            refusedForAll = refused.userMessage();
        }
        boolean linux = isLinux(server);
        var actions = new EnumMap<ServerAction, AllowedActions.Allowance>(ServerAction.class);
        for (ServerAction action : ServerAction.values()) {
            String why = refusedForAll != null ? refusedForAll : action.refusal(server.getStatus(), () -> linux);
            actions.put(action, new AllowedActions.Allowance(why == null, why));
        }
        return new AllowedActions(id, actions);
    }

    // Power actions call the host outside any database transaction, then record the new status
    // in a short one: libvirt's lifecycle events update the same row meanwhile, and a long
    // transaction would collide with them.

    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ServerView start(long id) {
        Server server = forAction(id);
        require(ServerAction.START, server);
        domains.start(server.getDomainName());
        return recordPower(id, "start", ServerStatus.RUNNING);
    }

    /** Graceful: presses the ACPI power button. The status follows when the guest has stopped. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ServerView shutdown(long id) {
        Server server = forAction(id);
        require(ServerAction.SHUTDOWN, server);
        domains.shutdown(server.getDomainName());
        return recordPower(id, "shutdown", null);
    }

    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ServerView reboot(long id) {
        Server server = forAction(id);
        require(ServerAction.REBOOT, server);
        domains.reboot(server.getDomainName());
        return recordPower(id, "reboot", ServerStatus.REBOOTING);
    }

    /** Hard reset, for a guest that no longer reacts. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ServerView reset(long id) {
        Server server = forAction(id);
        require(ServerAction.RESET, server);
        domains.reset(server.getDomainName());
        return recordPower(id, "reset", ServerStatus.REBOOTING);
    }

    /** Pulls the plug: also the "force off" offered when a shutdown is not honoured. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ServerView powerOff(long id) {
        Server server = forAction(id);
        require(ServerAction.POWER_OFF, server);
        if (domains.state(server.getDomainName()).isActive()) {
            domains.powerOff(server.getDomainName());
        }
        return recordPower(id, "poweroff", ServerStatus.STOPPED);
    }

    /**
     * Reinstalls from an image. New keys (or password) replace the old ones when given;
     * otherwise the server keeps its keys. The old disk stays until the new one exists.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ServerView reinstall(long id, String imageName, List<String> newKeys, String newPassword) {
        return admitted(inFreshTransaction(() -> {
            Server server = forAction(id);
            require(ServerAction.REINSTALL, server);
            ImageInfo image = catalog.orderableImage(imageName);
            List<String> keys = newKeys == null ? null : sshKeys.parseAll("ssh_keys", newKeys).stream().map(SshPublicKey::line).toList();
            String hash = rootPasswordHash(newPassword);
            if (keys != null && keys.isEmpty() && hash == null && server.getRootPasswordHash() == null) {
                throw new InvalidInputException("ssh_keys", "Add at least one SSH key or set a root password, or you could not log in.");
            }
            server.beginReinstall(image.id(), keys, hash, clock.instant());
            launch(server);
            events.publishEvent(new ServerEvents.ReinstallRequested(id, server.getAccountId(), image.name()));
            return id;
        }));
    }

    /**
     * Gives root a new, generated password and returns it: the only time it is seen. Only its
     * SHA-512 crypt hash is stored, with the pending operation, which the background job then
     * writes into the server's /etc/shadow (libguestfs, offline: a running server is shut down
     * and started again; its status is "rebooting" until then, and {@link #get} shows the
     * progress). The hash also stays on the server, so a reinstall keeps the password.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public String resetRootPassword(long id) {
        String generated = inFreshTransaction(() -> {
            Server server = forAction(id);
            require(ServerAction.RESET_PASSWORD, server);
            String password = RootPasswords.generate();
            server.beginPasswordReset(RootPasswords.hash(password), clock.instant());
            launch(server);
            events.publishEvent(new ServerEvents.RootPasswordResetRequested(id, server.getAccountId()));
            return password;
        });
        admitted(id);
        return generated;
    }

    /** Adds an SSH public key to root's authorized_keys on a stopped server's disk, without a reinstall. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ServerView addSshKey(long id, String publicKey) {
        return admitted(inFreshTransaction(() -> {
            Server server = forAction(id);
            require(ServerAction.ADD_SSH_KEY, server);
            SshPublicKey key = SshPublicKey.parse("ssh_key", publicKey);
            if (server.getSshKeys().size() >= 50) {
                throw new InvalidInputException("ssh_key", "A server can have at most 50 SSH keys.");
            }
            server.beginAddSshKey(key.line(), clock.instant());
            launch(server);
            events.publishEvent(new ServerEvents.SshKeyAddRequested(id, server.getAccountId(), key.fingerprint()));
            return id;
        }));
    }

    /**
     * Moves the server to another plan. vCPUs and memory change with a restart (the server is
     * shut down, redefined, its disk and filesystem grown, and started again if it was running);
     * a plan that differs only in its limits applies live. A smaller disk is refused: disks never shrink.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ServerView changePlan(long id, String planName) {
        return admitted(inFreshTransaction(() -> {
            Server server = forAction(id);
            require(ServerAction.CHANGE_PLAN, server);
            PlanInfo current = catalog.plan(server.getPlanId());
            PlanInfo target = catalog.orderablePlan(planName);
            if (target.id() == current.id()) {
                throw new InvalidInputException("plan", "The server is on the " + current.title() + " plan already.");
            }
            ImageInfo image = catalog.image(server.getImageId());
            int diskNow = GuestBlueprint.diskSize(current, image);
            if (target.diskGib() < current.diskGib() || GuestBlueprint.diskSize(target, image) < diskNow) {
                throw new InvalidInputException("plan", "The " + target.title() + " plan has a " + target.diskGib()
                        + " GiB disk, smaller than this server's " + diskNow + " GiB, and disks cannot shrink. "
                        + "Choose a plan with at least " + diskNow + " GiB of disk.");
            }
            capacity.checkChange(current, target);
            boolean live = target.vcpus() == current.vcpus() && target.memoryMib() == current.memoryMib()
                    && GuestBlueprint.diskSize(target, image) == diskNow;
            server.beginPlanChange(target.id(), live, clock.instant());
            launch(server);
            events.publishEvent(new ServerEvents.PlanChangeRequested(id, server.getAccountId(), current.name(), target.name()));
            return id;
        }));
    }

    /** Deletes the server: domain and volumes go; the record stays, marked deleted, for the audit trail. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ServerView delete(long id) {
        return admitted(inFreshTransaction(() -> {
            Server server = owned(id);
            currentUser.requireMayChange().requireMayChange(server.getAccountId());
            if (server.getStatus() == ServerStatus.DELETING) {
                return id;
            }
            if (server.getOperation() != null) {
                throw new ConflictException("The server is busy (" + busyWith(server) + "). Delete it when that is done.");
            }
            require(ServerAction.DELETE, server);
            server.begin(Operation.DELETE, ServerStatus.DELETING, clock.instant());
            launch(server);
            events.publishEvent(new ServerEvents.DeleteRequested(id, server.getAccountId()));
            return id;
        }));
    }

    // --- helpers ---------------------------------------------------------------------------

    /** In the request's transaction: announces the operation just begun and stores its job, which runs after the commit. */
    private void launch(Server server) {
        transitions.announce(server);
        scheduler.runSoon(server.getId());
    }

    /**
     * After the request committed, its operation takes a free slot on the host at once (or
     * waits in line), so a quiet host answers "provisioning", a busy one "queued" with the place in line.
     */
    private ServerView admitted(long id) {
        gate.admit(id);
        return tx.execute(t -> view(servers.findById(id).orElseThrow()));
    }

    private Server owned(long id) {
        Actor actor = currentUser.require();
        return servers.findById(id)
                .filter(s -> s.getStatus() != ServerStatus.DELETED)
                .filter(s -> actor.mayAccess(s.getAccountId()))
                .orElseThrow(() -> new NotFoundException("Server not found."));
    }

    private Server forAction(long id) {
        Server server = owned(id);
        activeActor().requireMayChange(server.getAccountId());
        if (server.getOperation() != null) {
            throw new ConflictException("The server is busy (" + busyWith(server) + "). Try again when that is done.");
        }
        return server;
    }

    /** One operation at a time per server: a second request is refused with what the first is doing. */
    private static String busyWith(Server server) {
        return (server.isQueued() ? ServerStatus.QUEUED : server.getStatus()).label().toLowerCase();
    }

    /** The actor, if they may change things: not a read-only support session, not suspended. */
    private Actor activeActor() {
        return currentUser.requireMayChange();
    }

    /** Records a power action: the new status (null: unchanged) and the event, in one short transaction. */
    private ServerView recordPower(long id, String action, ServerStatus status) {
        return inFreshTransaction(() -> {
            Server server = servers.findById(id).orElseThrow(() -> new NotFoundException("Server not found."));
            if (status != null) {
                server.clearFailure();
                transitions.status(server, status);
            }
            events.publishEvent(new ServerEvents.PowerAction(id, server.getAccountId(), action));
            return view(server);
        });
    }

    /**
     * Runs work in a short transaction of its own, and again when it lost a race with a status
     * update of the same row (the guest's lifecycle event, the status sync): the next attempt
     * reads the fresh row and decides again, so a customer never sees a "stale row" error.
     */
    private <T> T inFreshTransaction(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(t -> work.get());
            } catch (OptimisticLockingFailureException raced) {
                if (attempt == 3) {
                    throw raced;
                }
            }
        }
    }

    /** Refuses an action the server's status or OS does not allow ({@link ServerAction} holds the rules). */
    private void require(ServerAction action, Server server) {
        String why = action.refusal(server.getStatus(), () -> isLinux(server));
        if (why != null) {
            throw new ConflictException(why);
        }
    }

    private boolean isLinux(Server server) {
        return catalog.image(server.getImageId()).osFamily() == OsFamily.LINUX;
    }

    private String freeAddress() {
        Set<String> taken = new HashSet<>(servers.allocatedAddresses());
        String address = blueprint.addresses().firstFree(taken);
        if (address == null) {
            throw new CapacityException("This host has no free IP addresses. Please contact support.");
        }
        return address;
    }

    private ServerView view(Server s) {
        return views.of(s);
    }

    static String rootPasswordHash(String password) {
        if (password == null || password.isEmpty()) {
            return null;
        }
        if (password.length() < 10 || password.length() > 128) {
            throw new InvalidInputException("password", "The root password needs 10 to 128 characters.");
        }
        if (password.chars().distinct().count() < 5) {
            throw new InvalidInputException("password", "This root password is too easy to guess.");
        }
        if (password.chars().anyMatch(c -> c < 32 || c == 127)) {
            throw new InvalidInputException("password", "The root password cannot contain control characters.");
        }
        return Sha2Crypt.sha512Crypt(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
