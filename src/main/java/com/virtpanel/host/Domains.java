package com.virtpanel.host;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.libvirt.Domain;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.KeycodeSet;
import org.libvirt.LibvirtException;
import org.libvirt.event.DomainEventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Guests on the host, addressed by domain name: define, power, state, console endpoint. */
@Service
public class Domains {

    private static final Logger log = LoggerFactory.getLogger(Domains.class);
    /** Starting and destroying a guest can take longer than a plain query on a busy host. */
    private static final Duration POWER = Duration.ofSeconds(60);
    /**
     * Firewall collisions come in runs while other guests start or stop: each attempt applies
     * the guest's rules again, which takes seconds under load, so a few fixed short pauses
     * could all meet the same run (three 1 s pauses did, in a suite of three forks).
     */
    private static final int START_ATTEMPTS = 6;
    /** A guest still starting up has nothing listening to the power button yet: it is pressed again until heard. */
    private static final Duration PRESS_AGAIN = Duration.ofSeconds(5);
    private static final int UNDEFINE_MANAGED_SAVE = 1;
    private static final int UNDEFINE_SNAPSHOTS_METADATA = 2;
    private static final int UNDEFINE_NVRAM = 4;
    /** Backups leave a checkpoint; libvirt refuses to undefine a guest that has one unless told to drop it. */
    private static final int UNDEFINE_CHECKPOINTS_METADATA = 16;
    private static final int AFFECT_LIVE = 1;
    private static final int DEVICE_MODIFY_FORCE = 4;
    private static final Pattern ISO_FIRST = Pattern.compile(
            "<boot order='1'/>\\s*<alias name='" + InstallMedia.ALIAS + "'/>");
    private static final Pattern VNC_PORT = Pattern.compile("<graphics type='vnc' port='(\\d+)'");

    private final LibvirtConnection libvirt;
    private final HostSetup setup;
    private final GuestLimits limits;
    private final HostProperties.Storage storage;
    private final RescueSystem rescueSystem;
    private final ExecutorService eventRelay = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "libvirt-event-relay");
        t.setDaemon(true);
        return t;
    });

    Domains(LibvirtConnection libvirt, HostSetup setup, HostProperties properties, ApplicationEventPublisher events,
            GuestLimits limits, NetworkCapsFollowGuests networkCaps, RescueSystem rescueSystem, Ipv6Routes ipv6Routes) {
        this.rescueSystem = rescueSystem;
        this.libvirt = libvirt;
        this.setup = setup;
        this.limits = limits;
        this.storage = properties.storage();
        // Lifecycle callbacks arrive on libvirt's event thread, which must never block: relay them.
        libvirt.onOpen(connection -> {
            try {
                connection.addLifecycleListener((domain, event) -> {
                    try {
                        String name;
                        try {
                            name = domain.getName();
                        } finally {
                            domain.free(); // libvirt-java took a reference for us; not left to a finalizer
                        }
                        GuestLifecycle.Change change = change(event.getType());
                        eventRelay.execute(() -> {
                            // the cap first: the announcement sets off the limit reconciler
                            GuestLifecycle lifecycle = new GuestLifecycle(name, change);
                            networkCaps.follow(lifecycle);
                            ipv6Routes.follow(lifecycle);
                            events.publishEvent(lifecycle);
                        });
                    } catch (LibvirtException | RuntimeException e) {
                        log.debug("Ignoring a lifecycle event: {}", e.toString());
                    }
                    return 0;
                });
            } catch (LibvirtException e) {
                log.warn("Cannot subscribe to guest lifecycle events: {}", e.getMessage());
            }
        });
    }

    /** Defines the guest, or updates its definition (takes effect at the next start). */
    public void define(DomainSpec spec) {
        DomainXml.Host host = setup.ready();
        String xml = DomainXml.of(spec, host, storage.poolDir().resolve(spec.diskVolume()),
                spec.seedVolume() == null ? null : storage.poolDir().resolve(spec.seedVolume()), serialLog(spec.name()));
        defineXml(spec, xml);
    }

    private void defineXml(DomainSpec spec, String xml) {
        libvirt.call("define server", c -> {
            try {
                defineKeepingUuid(c, spec.name(), xml);
            } catch (LibvirtException e) {
                if (!String.valueOf(e.getMessage()).contains("already exists with uuid")) {
                    throw e;
                }
                // An earlier define that timed out on our side was still queued in libvirtd and
                // landed between our lookup and our define: the guest is there now, so redefine it
                log.info("{} was defined meanwhile by an earlier call; defining it again with its UUID", spec.name());
                defineKeepingUuid(c, spec.name(), xml);
            }
            return null;
        });
    }

    /** Redefining keeps the guest's identity: libvirt refuses a new UUID for an existing name. */
    private static void defineKeepingUuid(NativeConnect c, String name, String xml) throws LibvirtException {
        Domain existing = lookup(c, name);
        String withUuid = xml;
        if (existing != null) {
            withUuid = xml.replaceFirst("</name>", "</name>\n  <uuid>" + existing.getUUIDString() + "</uuid>");
            existing.free();
        }
        c.domainDefineXML(withUuid).free();
    }

    /**
     * Redefines the guest to boot the rescue system ({@link RescueSystem}) with the seed volume
     * as its first disk and its own disk as the second; {@link #define} brings the normal
     * definition back. Takes effect at the next start.
     */
    public void defineRescue(DomainSpec spec, String rescueSeedVolume) {
        var rescue = new DomainXml.Rescue(rescueSystem.boot(), storage.poolDir().resolve(rescueSeedVolume));
        defineXml(spec, DomainXml.of(spec, setup.ready(), storage.poolDir().resolve(spec.diskVolume()), null,
                serialLog(spec.name()), rescue));
    }

    public DomainState state(String name) {
        return libvirt.call("read server state", c -> {
            try {
                return LibvirtNative.state(c, name).toDomainState();
            } catch (LibvirtException e) {
                if (isNoDomain(e)) {
                    return DomainState.MISSING;
                }
                throw e;
            }
        });
    }

    public boolean exists(String name) {
        return state(name) != DomainState.MISSING;
    }

    public void start(String name) {
        // A start refused as busy left nothing running (libvirt undoes a half start), so it may
        // simply be tried again. Seen: the guest's firewall rules failing to apply while another
        // libvirtd in the same network namespace changed ebtables rules at that moment.
        BusyHost.retry("Start of " + name, START_ATTEMPTS, Domains::startRetryPause,
                () -> onDomain("start server", POWER, name, Domain::create));
        try {
            // at once, so the limit reconciler never meets the new tap uncapped
            limits.restoreNetworkCap(name);
        } catch (RuntimeException e) {
            log.warn("Started {} but could not cap its network yet (the reconciler retries): {}", name, e.getMessage());
        }
    }

    /** 1, 2, 3, 4, 5 s, each with up to half a second more, so that two waiting starts part ways. */
    private static Duration startRetryPause(int attempt) {
        return Duration.ofMillis(1000L * attempt + ThreadLocalRandom.current().nextLong(500));
    }

    /** Asks the guest to shut down (ACPI power button); returns at once. */
    public void shutdown(String name) {
        libvirt.call("shut down server", c -> {
            LibvirtNative.shutdown(c, name, LibvirtNative.SHUTDOWN_ACPI_POWER_BTN);
            return null;
        });
    }

    /**
     * Shuts the guest down gracefully and waits up to {@code grace} for it to stop; a guest that
     * ignores the power button is then powered off. Returns true when the guest stopped by itself.
     * The button is pressed again every few seconds: a press while the guest still boots is lost
     * (nothing listens yet), and waiting out the whole grace for it cost a minute each time.
     * Each state check is its own short call, so waiting holds no libvirt worker.
     */
    public boolean shutdownOrForce(String name, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        long nextPress = System.nanoTime();
        while (System.nanoTime() - deadline < 0) {
            if (!state(name).isActive()) {
                return true;
            }
            if (System.nanoTime() - nextPress >= 0) {
                pressPowerButton(name);
                nextPress = System.nanoTime() + PRESS_AGAIN.toNanos();
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!state(name).isActive()) {
            return true;
        }
        log.info("Guest {} did not shut down within {} ms; powering it off", name, grace.toMillis());
        try {
            powerOff(name);
        } catch (HostException e) {
            if (state(name).isActive()) {
                throw e;
            }
            // it stopped by itself between our last look and the power-off
            return true;
        }
        return false;
    }

    private void pressPowerButton(String name) {
        try {
            shutdown(name);
        } catch (HostException e) {
            // it may have stopped between the look and the press: the next look tells
            log.debug("Power button of {} not pressed: {}", name, e.getMessage());
        }
    }

    /** Asks the guest to reboot (ACPI); the guest decides when. */
    public void reboot(String name) {
        onDomain("reboot server", name, d -> d.reboot(0));
    }

    /** Hard reset, like the reset button. */
    public void reset(String name) {
        onDomain("reset server", name, Domain::reset);
    }

    /** Pulls the plug. */
    public void powerOff(String name) {
        onDomain("power off server", POWER, name, Domain::destroy);
    }

    /**
     * Stops the guest if it runs and removes its definition and serial log. A guest that is
     * already gone, or vanishes on the way (a transient guest disappears when it stops), counts
     * as removed: a repeated or resumed delete must not fail on its own earlier work.
     */
    public void destroyAndUndefine(String name) {
        try {
            java.nio.file.Files.deleteIfExists(serialLog(name));
        } catch (java.io.IOException e) {
            log.warn("Could not remove the serial log of {}: {}", name, e.getMessage());
        }
        libvirt.call("remove server", POWER, c -> {
            Domain d = lookup(c, name);
            if (d == null) {
                log.info("Guest {} is already gone from the host: counted as removed", name);
                return null;
            }
            try {
                if (!stopIfActive(d)) {
                    log.info("Guest {} vanished while it was being stopped: counted as removed", name);
                    return null;
                }
                d.undefine(UNDEFINE_MANAGED_SAVE | UNDEFINE_SNAPSHOTS_METADATA | UNDEFINE_NVRAM | UNDEFINE_CHECKPOINTS_METADATA);
            } catch (LibvirtException e) {
                if (!isNoDomain(e)) {
                    throw e;
                }
                log.info("Guest {} vanished while it was being removed: counted as removed", name);
            } finally {
                d.free();
            }
            return null;
        });
    }

    /** Pulls the plug if the guest runs; false when the guest no longer exists afterwards. */
    private static boolean stopIfActive(Domain d) throws LibvirtException {
        try {
            if (d.isActive() == 1) {
                d.destroy();
            }
            return true;
        } catch (LibvirtException e) {
            if (isNoDomain(e)) {
                return false;
            }
            if (d.isActive() == 1) {
                throw e;
            }
            return true; // it stopped by itself between the look and the destroy
        }
    }

    /** The VNC endpoint of a running guest. */
    public Optional<VncEndpoint> vnc(String name) {
        return liveXml(name).flatMap(xml -> {
            Matcher m = VNC_PORT.matcher(xml);
            return m.find() && !m.group(1).equals("-1")
                    ? Optional.of(new VncEndpoint("127.0.0.1", Integer.parseInt(m.group(1))))
                    : Optional.empty();
        });
    }

    /** The host-side name of the guest's network interface (vnetN) while it runs. */
    public Optional<String> interfaceDevice(String name) {
        return liveXml(name).flatMap(xml -> DomainDevices.parse(xml).taps().stream().findFirst());
    }

    /** The current domain XML (live while running), or empty for a missing guest. */
    public Optional<String> liveXml(String name) {
        return libvirt.call("read server definition", c -> {
            Domain d = lookup(c, name);
            if (d == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(d.getXMLDesc(0));
            } finally {
                d.free();
            }
        });
    }

    /**
     * Boots a guest once from its ISO: starts it with a definition that puts the CD-ROM first
     * (and leaves out a direct kernel boot), then at once stores {@code afterwards} as the
     * persistent definition, which the next start of the virtual machine uses. A running guest
     * is powered off first: the boot order is read when QEMU starts.
     */
    public void bootFromIso(DomainSpec bootNow, DomainSpec afterwards) {
        if (state(bootNow.name()).isActive()) {
            powerOff(bootNow.name());
        }
        define(bootNow);
        start(bootNow.name());
        define(afterwards);
    }

    /**
     * Takes the ISO out: the persistent definition {@code withoutIso} no longer has the CD-ROM,
     * and a running guest's drive is emptied (a SATA CD-ROM cannot be unplugged live).
     */
    public void ejectIso(DomainSpec withoutIso) {
        define(withoutIso);
        String name = withoutIso.name();
        if (!state(name).isActive() || !liveXml(name).orElse("").contains(InstallMedia.ALIAS)) {
            return;
        }
        String empty = DomainXml.isoCdrom(new InstallMedia(null, false), withoutIso.os().usesVirtio())
                .replace("      <alias name='" + InstallMedia.ALIAS + "'/>\n", "");
        onDomain("eject ISO", name, d -> d.updateDeviceFlags(empty, AFFECT_LIVE | DEVICE_MODIFY_FORCE));
    }

    /** Whether the running guest was started from its ISO (the CD-ROM first in its live boot order). */
    public boolean runsFromIso(String name) {
        return state(name).isActive() && liveXml(name).map(xml -> ISO_FIRST.matcher(xml).find()).orElse(false);
    }

    /** Types Linux key codes on the guest's keyboard, as virsh send-key does. */
    public void sendKeys(String name, int... linuxKeycodes) {
        onDomain("send keys", name, d -> d.sendKey(KeycodeSet.LINUX, 30, linuxKeycodes));
    }

    /** Where the guest's serial console is logged (written by virtlogd). */
    public Path serialLog(String name) {
        return storage.logDir().resolve(name + ".serial.log");
    }

    /** Names of all guests on the host, running or not. */
    public List<String> names() {
        // One bulk call lists running and stopped guests at once: listing ids and then looking
        // each up races with guests that stop in between (and libvirt-java pads with id 0).
        return libvirt.call("list servers", c -> LibvirtNative.allDomainStats(c, LibvirtNative.STATS_STATE, 0).stream()
                .map(LibvirtNative.DomainStats::name).collect(java.util.stream.Collectors.toCollection(ArrayList::new)));
    }

    private interface DomainAction {
        void apply(Domain domain) throws LibvirtException;
    }

    private void onDomain(String operation, String name, DomainAction action) {
        onDomain(operation, null, name, action);
    }

    private void onDomain(String operation, Duration timeout, String name, DomainAction action) {
        LibvirtCall<Void> call = c -> {
            Domain d = c.domainLookupByName(name);
            try {
                action.apply(d);
            } finally {
                d.free();
            }
            return null;
        };
        if (timeout == null) {
            libvirt.call(operation, call);
        } else {
            libvirt.call(operation, timeout, call);
        }
    }

    private static Domain lookup(NativeConnect c, String name) throws LibvirtException {
        try {
            return c.domainLookupByName(name);
        } catch (LibvirtException e) {
            if (isNoDomain(e)) {
                return null;
            }
            throw e;
        }
    }

    private static boolean isNoDomain(LibvirtException e) {
        return e.getError() != null && e.getError().getCode() == ErrorNumber.VIR_ERR_NO_DOMAIN;
    }

    private static GuestLifecycle.Change change(DomainEventType type) {
        return switch (type) {
            case STARTED -> GuestLifecycle.Change.STARTED;
            case STOPPED -> GuestLifecycle.Change.STOPPED;
            case SHUTDOWN -> GuestLifecycle.Change.SHUTDOWN;
            case CRASHED -> GuestLifecycle.Change.CRASHED;
            case SUSPENDED, PMSUSPENDED -> GuestLifecycle.Change.SUSPENDED;
            case RESUMED -> GuestLifecycle.Change.RESUMED;
            case DEFINED -> GuestLifecycle.Change.DEFINED;
            case UNDEFINED -> GuestLifecycle.Change.UNDEFINED;
            default -> GuestLifecycle.Change.OTHER;
        };
    }
}
