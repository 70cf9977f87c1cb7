package com.virtpanel.host;

import com.virtpanel.base.UserMessage;
import com.virtpanel.base.PanelException.Kind;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;
import java.util.function.ToIntFunction;
import org.libvirt.Domain;
import org.libvirt.DomainJobInfo;
import org.libvirt.TypedParameter;
import org.libvirt.TypedStringParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Moves a running guest to another host while it runs, with libvirt's own peer-to-peer
 * migration: this host's libvirtd connects to the target's, copies the disk there (storage is
 * not shared), then memory, and switches over; the panel only starts it and watches. The
 * target's copy is defined persistently and this host's definition removed only when the
 * switch-over succeeded: a failed migration leaves the guest running here, as it was. A stopped
 * guest moves the same way, paused from start to end ({@link #cold}). A running guest that QEMU
 * emulates (a host without KVM) is paused while it is copied ({@link #live}).
 *
 * <p>The target must be ready: its network and storage pool exist, and the files the guest
 * reads but that are not copied (its seed, a kernel it boots directly) are in place there.
 */
@Service
public class GuestMigration {

    private static final Logger log = LoggerFactory.getLogger(GuestMigration.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration BUSY_PAUSE = Duration.ofSeconds(3);
    private static final int ATTEMPTS = 3;
    private static final int XML_MIGRATABLE = 8; // VIR_DOMAIN_XML_MIGRATABLE
    private static final int JOB_NONE = 0;
    private static final int START_PAUSED = 1; // VIR_DOMAIN_START_PAUSED
    private static final int MOVE = Domain.MigrateFlags.PEER2PEER | Domain.MigrateFlags.PERSIST_DEST
            | Domain.MigrateFlags.UNDEFINE_SOURCE | Domain.MigrateFlags.NON_SHARED_DISK | Domain.MigrateFlags.ABORT_ON_ERROR;
    private static final int LIVE = MOVE | Domain.MigrateFlags.LIVE | Domain.MigrateFlags.AUTO_CONVERGE;
    private static final int PAUSED = MOVE | Domain.MigrateFlags.PAUSED;
    /** Without LIVE: libvirt pauses the running guest while it copies it and resumes it on the target. */
    private static final int MEMORY_PAUSED = MOVE;

    private final LibvirtConnection libvirt;
    private final HostProperties.Storage storage;

    GuestMigration(LibvirtConnection libvirt, HostProperties properties) {
        this.libvirt = libvirt;
        this.storage = properties.storage();
    }

    /**
     * Migrates {@code domain} to {@code target}, reporting how much of the copy is done (0-100,
     * each value once) on the caller's thread; returns when the guest runs there. Gives up, and
     * leaves the guest here, after {@code limit}. A migration refused because either host was busy
     * (a lock, a firewall change racing another) is tried again a few seconds later: it failed
     * before the switch-over, so the guest still runs here.
     *
     * <p>A guest that QEMU emulates (TCG) is paused while it is copied and resumes on the target:
     * on TCG hosts with QEMU 7.2, guests moved live came up on the target with damaged kernel
     * memory (a double fault, an NX-protected page executed) in two of a week's test runs. KVM
     * guests move live.
     */
    public void live(String domain, MigrationTarget target, Duration limit, IntConsumer progress) {
        move(domain, target, limit, progress, xml -> MigrationXml.emulated(xml) ? MEMORY_PAUSED : LIVE);
    }

    /**
     * Moves the stopped guest {@code domain} to {@code target} with the same copy: started paused
     * here (it never runs an instruction), moved paused, and arriving there paused; the target
     * stops it ({@link Domains#powerOff}). Fails as {@link #live} does, leaving it defined here;
     * the caller stops the paused guest again ({@link Domains#powerOff}).
     */
    public void cold(String domain, MigrationTarget target, Duration limit, IntConsumer progress) {
        onDomain("start paused for migration", domain, d -> d.isActive() == 1 ? 0 : d.create(START_PAUSED));
        move(domain, target, limit, progress, xml -> PAUSED);
    }

    private void move(String domain, MigrationTarget target, Duration limit, IntConsumer progress, ToIntFunction<String> flagsFor) {
        String xml = onDomain("read definition for migration", domain, d -> d.getXMLDesc(XML_MIGRATABLE));
        int flags = flagsFor.applyAsInt(xml);
        String destination = MigrationXml.forTarget(xml, storage.dir(), target);
        TypedParameter[] parameters = {
                new TypedStringParameter("destination_xml", destination),
                new TypedStringParameter("persistent_xml", destination),
        };
        JobPercent reported = new JobPercent(progress);
        for (int attempt = 1; !migrate(domain, target, parameters, flags, limit, reported, attempt < ATTEMPTS); attempt++) {
            sleep(BUSY_PAUSE);
        }
        reported.report(100);
    }

    /** One try; false when the hosts were busy and another try may follow. */
    private boolean migrate(String domain, MigrationTarget target, TypedParameter[] parameters, int flags, Duration limit,
            JobPercent reported, boolean mayRetry) {
        // The call returns only when the migration is over: it runs on a libvirt worker of its
        // own with the migration's limit, while this thread watches the job with short calls.
        CompletableFuture<Integer> migration = CompletableFuture.supplyAsync(() -> libvirt.onDomain("migrate server", domain, limit,
                d -> d.migrateToURI(target.libvirtUri(), parameters, flags)));
        while (true) {
            try {
                migration.get(POLL.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException running) {
                int percent = percent(domain);
                if (percent >= 0) {
                    reported.report(percent);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abort(domain);
                throw new HostException(Kind.FAILED, UserMessage.of("error.host.migration-failed"),
                        "migration of " + domain + " interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                log.warn("Migration of {} to {} failed; it runs on here: {}", domain, target.libvirtUri(), cause.getMessage());
                if (cause instanceof HostException host && host.kind() == Kind.UNAVAILABLE) {
                    abort(domain); // our call timed out: libvirt may still be copying
                    throw new HostException(Kind.FAILED, UserMessage.of("error.host.migration-failed"),
                            "migration of " + domain + " took longer than " + limit, cause);
                }
                if (cause instanceof HostException host && host.isTransient() && mayRetry) {
                    return false;
                }
                if (cause instanceof HostException host) {
                    throw new HostException(Kind.FAILED, UserMessage.of("error.host.migration-failed"), host.detail(), host);
                }
                throw new HostException(Kind.FAILED, UserMessage.of("error.host.migration-failed"), String.valueOf(cause), cause);
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostException(Kind.FAILED, UserMessage.of("error.host.migration-failed"), "interrupted while waiting to retry", e);
        }
    }

    /** How much of the running migration job is copied, or -1 when that cannot be read now. */
    private int percent(String domain) {
        try {
            DomainJobInfo job = onDomain("read migration progress", domain, Domain::getJobInfo);
            return job.getType() == JOB_NONE ? -1 : GuestBackups.percent(job.getDataProcessed(), job.getDataTotal());
        } catch (HostException e) {
            return -1; // the guest may have left already; the migration call itself tells how it ended
        }
    }

    private void abort(String domain) {
        try {
            onDomain("stop migration", domain, Domain::abortJob);
        } catch (HostException e) {
            log.warn("Could not stop the migration of {}: {}", domain, e.detail());
        }
    }

    private <T> T onDomain(String operation, String name, LibvirtConnection.DomainCall<T> action) {
        return libvirt.onDomain(operation, name, action);
    }
}
