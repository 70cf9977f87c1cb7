package com.virtpanel.server;

import com.virtpanel.base.UserMessage;

import com.virtpanel.account.CurrentUser;
import com.virtpanel.account.SshKeyService;
import com.virtpanel.account.SshPublicKey;
import com.virtpanel.base.ConflictException;
import com.virtpanel.base.InvalidInputException;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.ImageInfo;
import com.virtpanel.catalog.PlanInfo;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to a customer's server that run as background operations: reinstall, root password,
 * SSH key, plan, delete. Each is decided and stored in a short transaction (the operation and
 * its job), then takes a slot on the host; only the caller's own servers (or any, for staff).
 */
@Service
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public class ServerChanges {

    private final ServerAccess access;
    private final OperationLaunch launch;
    private final CurrentUser currentUser;
    private final SshKeyService sshKeys;
    private final CatalogService catalog;
    private final Capacity capacity;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final List<ServerDeletionVeto> vetoes;

    ServerChanges(ServerAccess access, OperationLaunch launch, CurrentUser currentUser, SshKeyService sshKeys,
            CatalogService catalog, Capacity capacity, ApplicationEventPublisher events, Clock clock,
            List<ServerDeletionVeto> vetoes) {
        this.vetoes = vetoes;
        this.access = access;
        this.launch = launch;
        this.currentUser = currentUser;
        this.sshKeys = sshKeys;
        this.catalog = catalog;
        this.capacity = capacity;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Reinstalls from an image. New keys (or password) replace the old ones when given;
     * otherwise the server keeps its keys. The old disk stays until the new one exists. The
     * server keeps its user data.
     */
    public ServerInfo reinstall(long id, String imageName, List<String> newKeys, String newPassword) {
        return reinstall(id, imageName, newKeys, newPassword, null);
    }

    /**
     * Reinstalls as {@link #reinstall(long, String, List, String)}, with new user data for the
     * new system when {@code newUserData} is not null (blank: none from now on).
     */
    public ServerInfo reinstall(long id, String imageName, List<String> newKeys, String newPassword, String newUserData) {
        String userData = UserData.checked(newUserData);
        return launch.admitted(launch.inFreshTransaction(() -> {
            Server server = access.forAction(ServerAction.REINSTALL, id);
            ImageInfo image = catalog.orderableImage(imageName);
            List<String> keys = newKeys == null ? null : sshKeys.parseAll("ssh_keys", newKeys).stream().map(SshPublicKey::line).toList();
            String hash = RootPasswords.hashChosen(newPassword);
            if (keys != null && keys.isEmpty() && hash == null && server.getRootPasswordHash() == null) {
                throw new InvalidInputException("ssh_keys", UserMessage.of("error.server.add-at-least-one-ssh"));
            }
            server.beginReinstall(image.id(), keys, hash, clock.instant());
            if (newUserData != null) {
                server.setUserData(userData);
            }
            launch.launch(server);
            events.publishEvent(new ServerEvents.ReinstallRequested(id, server.getAccountId(), image.name()));
            return id;
        }));
    }

    /**
     * Gives root a new, generated password and returns it: the only time it is seen. Only its
     * hash is stored, with the pending operation, which the background job then writes into
     * the server's /etc/shadow (libguestfs, offline: a running server is shut down and started
     * again; its status is "rebooting" until then). The hash also stays on the server, so a
     * reinstall keeps the password.
     */
    public String resetRootPassword(long id) {
        String generated = launch.inFreshTransaction(() -> {
            Server server = access.forAction(ServerAction.RESET_PASSWORD, id);
            String password = RootPasswords.generate();
            server.beginPasswordReset(RootPasswords.hash(password), clock.instant());
            launch.launch(server);
            events.publishEvent(new ServerEvents.RootPasswordResetRequested(id, server.getAccountId()));
            return password;
        });
        launch.admitted(id);
        return generated;
    }

    /** Adds an SSH public key to root's authorized_keys on a stopped server's disk, without a reinstall. */
    public ServerInfo addSshKey(long id, String publicKey) {
        return launch.admitted(launch.inFreshTransaction(() -> {
            Server server = access.forAction(ServerAction.ADD_SSH_KEY, id);
            SshPublicKey key = SshPublicKey.parse("ssh_key", publicKey);
            if (server.getSshKeys().size() >= 50) {
                throw new InvalidInputException("ssh_key", UserMessage.of("error.server.server-can-have-at-most"));
            }
            server.beginAddSshKey(key.line(), clock.instant());
            launch.launch(server);
            events.publishEvent(new ServerEvents.SshKeyAddRequested(id, server.getAccountId(), key.fingerprint()));
            return id;
        }));
    }

    /**
     * Moves the server to another plan. vCPUs and memory change with a restart (the server is
     * shut down, redefined, its disk and filesystem grown, and started again if it was running);
     * a plan that differs only in its limits applies live. A smaller disk is refused: disks never shrink.
     */
    public ServerInfo changePlan(long id, String planName) {
        return launch.admitted(launch.inFreshTransaction(() -> {
            Server server = access.forAction(ServerAction.CHANGE_PLAN, id);
            PlanInfo current = catalog.plan(server.getPlanId());
            PlanInfo target = catalog.orderablePlan(planName);
            if (target.id() == current.id()) {
                throw new InvalidInputException("plan", UserMessage.of("error.server.plan-already", current.title()));
            }
            ImageInfo image = catalog.image(server.getImageId());
            int diskNow = GuestBlueprint.diskSize(current, image);
            if (target.diskGib() < current.diskGib() || GuestBlueprint.diskSize(target, image) < diskNow) {
                throw new InvalidInputException("plan", UserMessage.of("error.server.plan-disk-smaller", target.title(), target.diskGib(), diskNow));
            }
            if (target.dedicatedVcpus() != current.dedicatedVcpus()) {
                // reserved cores are taken at order time on the server's host; a plan change does not move cores
                throw new InvalidInputException("plan", UserMessage.of("error.server.plan-dedicated-change", target.title()));
            }
            capacity.checkChange(server.getHost(), current, target);
            boolean live = target.vcpus() == current.vcpus() && target.memoryMib() == current.memoryMib()
                    && GuestBlueprint.diskSize(target, image) == diskNow;
            server.beginPlanChange(target.id(), live, clock.instant());
            launch.launch(server);
            events.publishEvent(new ServerEvents.PlanChangeRequested(id, server.getAccountId(), current.name(), target.name()));
            return id;
        }));
    }

    /** Deletes the server and its backups: domain and volumes go; the record stays, marked deleted, for the audit trail. */
    public ServerInfo delete(long id) {
        return delete(id, false);
    }

    /**
     * Deletes the server as {@link #delete(long)}; its backups are kept for the customer when
     * {@code keepBackups}. Refused while another module vetoes it (a restore from its backups runs).
     */
    public ServerInfo delete(long id, boolean keepBackups) {
        return launch.admitted(launch.inFreshTransaction(() -> {
            Server server = access.owned(id);
            currentUser.requireMayChange().requireMayChange(server.getAccountId());
            access.requireHostReachable(server); // its domain and disks are there: deleting now would leave them behind
            if (server.getStatus() == ServerStatus.DELETING) {
                return id;
            }
            if (server.getOperation() != null) {
                throw new ConflictException(UserMessage.of("error.server.busy-delete-later", ServerAccess.busyWith(server)));
            }
            access.require(ServerAction.DELETE, server);
            vetoes.forEach(v -> v.requireMayDelete(id));
            server.begin(Operation.DELETE, ServerStatus.DELETING, clock.instant());
            launch.launch(server);
            events.publishEvent(new ServerEvents.DeleteRequested(id, server.getAccountId(), keepBackups));
            return id;
        }));
    }
}
