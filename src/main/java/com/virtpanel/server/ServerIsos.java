package com.virtpanel.server;

import com.virtpanel.base.UserMessage;

import com.virtpanel.account.Actor;
import com.virtpanel.account.CurrentUser;
import com.virtpanel.base.ConflictException;
import com.virtpanel.base.InvalidInputException;
import com.virtpanel.base.NotFoundException;
import com.virtpanel.catalog.CatalogService;
import com.virtpanel.catalog.IsoInfo;
import com.virtpanel.catalog.IsoLibrary;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * ISOs for a customer's servers: the ones they may choose (the admins' library and, when one of
 * their plans allows it, their own from a URL), "boot from ISO" and "eject". Booting and ejecting
 * are server operations like a reinstall: stored, one at a time per server, resumed after a
 * restart of the panel ({@link IsoBoots} does the host's part).
 */
@Service
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public class ServerIsos {

    /** The ISO in a server's CD-ROM drive, for the server page. */
    public record AttachedIso(long isoId, String name, boolean keepBooting) {
    }

    private final ServerAccess access;
    private final OperationLaunch launch;
    private final ServerRepository servers;
    private final CurrentUser currentUser;
    private final CatalogService catalog;
    private final IsoLibrary isos;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ServerIsos(ServerAccess access, OperationLaunch launch, ServerRepository servers, CurrentUser currentUser,
            CatalogService catalog, IsoLibrary isos, ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.launch = launch;
        this.servers = servers;
        this.currentUser = currentUser;
        this.catalog = catalog;
        this.isos = isos;
        this.events = events;
        this.clock = clock;
    }

    /** The ISOs the caller may boot: the library's and their own. */
    public List<IsoInfo> isos() {
        return isos.visibleTo(currentUser.require().accountId());
    }

    /** Whether the caller may add ISOs from a URL: one of their servers is on a plan that allows it. */
    public boolean mayAddIsos() {
        long account = currentUser.require().accountId();
        return servers.findByAccountIdAndStatusNotOrderByCreatedAt(account, ServerStatus.DELETED).stream()
                .anyMatch(s -> catalog.allowsCustomerIso(s.getPlanId()));
    }

    /** Adds the caller's own ISO from a public URL; it downloads in the background (see its status). */
    public IsoInfo addIso(String name, String url, String sha256) {
        Actor actor = access.activeActor();
        if (!mayAddIsos()) {
            throw new ConflictException(UserMessage.of("error.server.plan-no-own-isos"));
        }
        return isos.addForCustomer(actor.accountId(), name, url, sha256);
    }

    public void removeIso(long isoId) {
        isos.removeForCustomer(access.activeActor().accountId(), isoId);
    }

    /**
     * Attaches the ISO as a CD-ROM and (re)starts the server from it. The boot after this one is
     * from the disk again, unless {@code keepBooting}.
     */
    public ServerInfo bootIso(long id, Long isoId, boolean keepBooting) {
        return launch.admitted(launch.inFreshTransaction(() -> {
            Server server = access.forAction(ServerAction.BOOT_ISO, id);
            if (isoId == null) {
                throw new InvalidInputException("iso", UserMessage.of("error.server.choose-iso"));
            }
            IsoInfo iso;
            try {
                iso = isos.bootableBy(isoId, server.getAccountId());
            } catch (NotFoundException e) {
                throw new InvalidInputException("iso", UserMessage.of("error.server.no-bootable-iso", String.valueOf(isoId)));
            }
            if (!iso.library() && !catalog.allowsCustomerIso(server.getPlanId())) {
                throw new ConflictException(UserMessage.of("error.server.server-plan-no-own-isos"));
            }
            server.beginIsoBoot(iso.id(), keepBooting, clock.instant());
            launch.launch(server);
            events.publishEvent(new ServerEvents.IsoBootRequested(id, server.getAccountId(), iso.id(), iso.name(), keepBooting));
            return id;
        }));
    }

    /** Takes the ISO out of the server's drive (live and for good); the server keeps running. */
    public ServerInfo eject(long id) {
        return launch.admitted(launch.inFreshTransaction(() -> {
            Server server = access.forAction(ServerAction.EJECT_ISO, id);
            server.beginIsoEject(clock.instant());
            launch.launch(server);
            events.publishEvent(new ServerEvents.IsoEjectRequested(id, server.getAccountId()));
            return id;
        }));
    }

    /** The ISO attached to the server, if any. */
    @Transactional(readOnly = true)
    public Optional<AttachedIso> attached(long id) {
        Server server = access.owned(id);
        if (server.getIsoId() == null) {
            return Optional.empty();
        }
        return Optional.of(new AttachedIso(server.getIsoId(), isos.iso(server.getIsoId()).name(), server.isIsoKeepBooting()));
    }
}
