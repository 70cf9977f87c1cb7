package com.virtpanel.host;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.Bytes;
import com.virtpanel.base.PanelException.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;
import org.libvirt.StorageVolInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The servers' disks in the panel's libvirt storage pool: templates imported from images,
 * per-server qcow2 overlays on a template (instant, whatever the image size), and seed ISOs.
 *
 * <p>Every method is idempotent, because the state machines that call it may repeat a step
 * after a restart: a disk that already exists is checked and reused, a volume that is already
 * gone counts as deleted.
 *
 * <p>Many orders arrive at once. libvirt refuses to refresh a pool while it builds a volume in
 * it ("pool has asynchronous jobs running"), so the calls that change the pool take turns
 * ({@link PoolTurns}) and a refresh (after a file was written beside libvirt: a seed, a
 * template) happens only in its turn; lists and sizes are read from the directory itself.
 * Building an overlay takes milliseconds, so taking turns costs nothing.
 */
@Service
public class Volumes {

    private static final Logger log = LoggerFactory.getLogger(Volumes.class);
    private static final Duration SLOW = Duration.ofMinutes(2);

    private final LibvirtConnection libvirt;
    private final HostSetup setup;
    private final HostProperties.Storage storage;
    private final PoolTurns turns;

    Volumes(LibvirtConnection libvirt, HostSetup setup, HostProperties properties) {
        this.libvirt = libvirt;
        this.setup = setup;
        this.storage = properties.storage();
        this.turns = PoolTurns.of(storage.poolDir(), SLOW);
    }

    /** Imports an image into the pool (once per version of its file) and returns the template. */
    public Template ensureTemplate(TemplateSource source) {
        setup.ready();
        Path disk = Path.of(source.diskPath());
        if (!Files.isReadable(disk)) {
            throw new HostException(Kind.FAILED,
                    UserMessage.of("error.host.image-missing", source.imageName()),
                    "missing image file " + disk, null);
        }
        String tag = source.imageName() + "-" + fingerprint(disk);
        String volume = "tpl-" + tag + ".qcow2";
        if (copyOnce(disk, storage.poolDir().resolve(volume))) {
            refreshInTurn("import image");
        }
        DirectBoot boot = null;
        if (source.kernelPath() != null && !source.kernelPath().isBlank()) {
            Path kernel = storage.bootDir().resolve("tpl-" + tag + ".vmlinuz");
            copyOnce(Path.of(source.kernelPath()), kernel);
            Path initrd = null;
            if (source.initrdPath() != null && !source.initrdPath().isBlank()) {
                initrd = storage.bootDir().resolve("tpl-" + tag + ".initrd");
                copyOnce(Path.of(source.initrdPath()), initrd);
            }
            boot = new DirectBoot(kernel.toString(), initrd == null ? null : initrd.toString(), source.cmdline());
        }
        return new Template(volume, boot);
    }

    /**
     * A qcow2 overlay on the template, grown to {@code sizeGib}. A disk that already exists (the
     * step ran before a crash) is kept if it is that overlay; anything else under its name is
     * replaced.
     */
    public void createDisk(String volume, Template template, int sizeGib) {
        setup.ready();
        Path backing = storage.poolDir().resolve(template.volume());
        String xml = "<volume><name>" + DomainXml.esc(volume) + "</name>"
                + "<capacity unit='GiB'>" + sizeGib + "</capacity>"
                // qcow2 version 3: only it can hold the dirty bitmaps incremental backups need
                + "<target><format type='qcow2'/><compat>1.1</compat><permissions><mode>0600</mode></permissions></target>"
                + "<backingStore><path>" + DomainXml.esc(backing.toString()) + "</path><format type='qcow2'/></backingStore>"
                + "</volume>";
        turns.take("create disk", () -> {
            if (Files.exists(path(volume))) {
                if (DiskImage.read(path(volume)).isOverlayOf(backing, sizeGib * Bytes.GIB)) {
                    log.info("Disk {} exists already and is the overlay wanted: reused", volume);
                    return;
                }
                log.warn("Disk {} exists but is not an overlay of {} with {} GiB: replacing it", volume, template.volume(), sizeGib);
                deleteNow(volume);
            }
            libvirt.call("create disk", SLOW, c -> {
                StoragePool pool = pool(c);
                try {
                    pool.storageVolCreateXML(xml, 0).free();
                } catch (LibvirtException e) {
                    if (!isVolumeExists(e)) {
                        throw e;
                    }
                    // libvirt still lists a volume whose file was removed behind its back: let it re-read the directory
                    pool.refresh(0);
                    pool.storageVolCreateXML(xml, 0).free();
                } finally {
                    pool.free();
                }
                return null;
            });
        });
    }

    /** Writes (or rewrites) a server's cloud-init seed ISO, and lets libvirt see it in the pool. */
    public void writeSeed(String volume, CloudInitSeed seed) {
        setup.ready();
        try {
            SeedIso.write(seed, path(volume));
        } catch (IOException | UncheckedIOException e) {
            log.error("Writing seed {} failed", volume, e);
            throw new HostException(Kind.FAILED,
                    UserMessage.of("error.host.could-not-prepare-seed"), e.getMessage(), e);
        }
        refreshInTurn("write seed");
    }

    /**
     * Writes the seed of a rescue boot (label VPRESCUE, read by images/rescue/rootfs/init):
     * the guest's address, root's SSH keys and the hash of a one-time password, if any.
     */
    public void writeRescueSeed(String volume, RescueSeed seed) {
        setup.ready();
        var files = new java.util.LinkedHashMap<String, String>();
        var network = new StringBuilder("hostname=").append(seed.hostname()).append('\n');
        if (seed.network() != null) {
            network.append("address=").append(seed.network().addressCidr()).append('\n');
            network.append("gateway=").append(seed.network().gateway()).append('\n');
        }
        files.put("network", network.toString());
        files.put("authorized_keys", seed.sshKeys().isEmpty() ? "" : String.join("\n", seed.sshKeys()) + "\n");
        if (seed.rootPasswordHash() != null) {
            files.put("root-hash", seed.rootPasswordHash() + "\n");
        }
        try {
            SeedIso.write(files, "VPRESCUE", path(volume));
        } catch (IOException | UncheckedIOException e) {
            log.error("Writing rescue seed {} failed", volume, e);
            throw new HostException(Kind.FAILED, UserMessage.of("error.host.could-not-prepare-rescue"),
                    e.getMessage(), e);
        }
        refreshInTurn("write rescue seed");
    }

    public boolean exists(String volume) {
        return Files.exists(path(volume));
    }

    /** Absolute path of a volume in the pool. */
    public Path path(String volume) {
        return storage.poolDir().resolve(volume);
    }

    /**
     * Writes the disk {@code source} stands for (with its backing chain: one self-contained
     * qcow2, no link to the source) as the new volume {@code volume}. Written under a temporary
     * name first: a volume under its own name is always complete, so a repeated step reuses it.
     */
    public void importDisk(Path source, String volume) {
        setup.ready();
        Path into = path(volume);
        if (Files.exists(into)) {
            log.info("Disk {} was written before a restart: reused", volume);
            return;
        }
        Path partial = into.resolveSibling("." + volume + ".partial");
        try {
            Files.deleteIfExists(partial);
            HostCommand.check(Duration.ofHours(6), List.of("qemu-img", "convert", "-O", "qcow2", source.toString(), partial.toString()));
            Files.setPosixFilePermissions(partial, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            Files.move(partial, into, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the next attempt removes it first
            }
            throw new HostException(Kind.FAILED, UserMessage.of("error.host.could-not-write-restored-disk"),
                    e.getMessage(), e);
        }
        refreshInTurn("import disk");
    }

    /** Removes a volume; one that is already gone counts as removed (the step may run twice). */
    public void delete(String volume) {
        setup.ready();
        turns.take("delete volume", () -> deleteNow(volume));
    }

    /** The guest's volumes here (disks, seeds): their names begin with its domain name. */
    public List<String> ofGuest(String domain) {
        return list(domain + "-");
    }

    /** Names of all volumes whose name starts with {@code prefix} (a server's volumes share its domain name). */
    public List<String> list(String prefix) {
        setup.ready();
        try (Stream<Path> files = Files.list(storage.poolDir())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(prefix) && !n.startsWith(".")) // .partial copies are not volumes
                    .sorted().toList();
        } catch (IOException e) {
            throw new HostException(Kind.FAILED, UserMessage.of("error.host.storage-not-readable"), e.toString(), e);
        }
    }

    /** The size the guest sees, in bytes. */
    public long virtualSize(String volume) {
        setup.ready();
        return libvirt.call("read volume size", c -> {
            StoragePool pool = pool(c);
            StorageVol vol = pool.storageVolLookupByName(volume);
            StorageVolInfo info = vol.getInfo();
            vol.free();
            pool.free();
            return info.capacity;
        });
    }

    /** Grows a volume; shrinking is refused by the caller before it gets here. */
    public void resize(String volume, int sizeGib) {
        setup.ready();
        turns.take("resize volume", () -> libvirt.call("resize volume", SLOW, c -> {
            StoragePool pool = pool(c);
            StorageVol vol = pool.storageVolLookupByName(volume);
            vol.resize(sizeGib * Bytes.GIB, 0);
            vol.free();
            pool.free();
            return null;
        }));
    }

    /** The pool's file system, read directly: what libvirt would report after a refresh, without one. */
    public StorageCapacity capacity() {
        setup.ready();
        try {
            FileStore store = Files.getFileStore(storage.poolDir());
            long total = store.getTotalSpace();
            long available = store.getUsableSpace();
            return new StorageCapacity(total, total - store.getUnallocatedSpace(), available);
        } catch (IOException e) {
            throw new HostException(Kind.FAILED, UserMessage.of("error.host.storage-not-readable"), e.toString(), e);
        }
    }

    /** Lets libvirt read the directory again, in the pool's turn: no volume of ours is being built meanwhile. */
    private void refreshInTurn(String operation) {
        turns.take(operation, () -> libvirt.call("refresh pool", c -> {
            StoragePool pool = pool(c);
            try {
                pool.refresh(0);
            } finally {
                pool.free();
            }
            return null;
        }));
    }

    /** Deletes through libvirt when it knows the volume, else the file itself (one written beside libvirt). */
    private void deleteNow(String volume) {
        libvirt.call("delete volume", SLOW, c -> {
            StoragePool pool = pool(c);
            try {
                StorageVol vol = pool.storageVolLookupByName(volume);
                try {
                    vol.delete(0);
                } finally {
                    vol.free();
                }
            } catch (LibvirtException e) {
                if (!isNoVolume(e)) {
                    throw e;
                }
            } finally {
                pool.free();
            }
            return null;
        });
        try {
            if (Files.deleteIfExists(path(volume))) {
                log.info("Removed {}, which libvirt did not list", volume);
            }
        } catch (IOException e) {
            throw new HostException(Kind.FAILED, UserMessage.of("error.host.could-not-remove-disk"), e.toString(), e);
        }
    }

    private StoragePool pool(NativeConnect c) throws LibvirtException {
        return c.storagePoolLookupByName(storage.pool());
    }

    private static boolean isNoVolume(LibvirtException e) {
        ErrorNumber code = e.getError() == null ? null : e.getError().getCode();
        return code == ErrorNumber.VIR_ERR_NO_STORAGE_VOL;
    }

    private static boolean isVolumeExists(LibvirtException e) {
        String text = e.getMessage() == null ? "" : e.getMessage();
        return text.contains("already in use") || text.contains("already exists");
    }

    /** Copies through a temporary name so a crash never leaves a half-copied template behind; true when it copied. */
    private static boolean copyOnce(Path source, Path target) {
        if (Files.exists(target)) {
            return false;
        }
        try {
            // A partial file of our own: two first orders of an image may copy it at the same
            // time, and whichever move lands last simply replaces an identical file.
            Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
            Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            throw new HostException(Kind.FAILED, UserMessage.of("error.host.could-not-import-image"), e.toString(), e);
        }
    }

    /** Identifies a version of an image file by its path, size and modification time. */
    private static String fingerprint(Path file) {
        try {
            String key = file.toAbsolutePath() + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
