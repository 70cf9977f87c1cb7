package com.virtpanel.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
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
 * Every method is idempotent, because the state machines that call it may repeat a step
 * after a restart.
 */
@Service
public class Volumes {

    private static final Logger log = LoggerFactory.getLogger(Volumes.class);
    private static final Duration SLOW = Duration.ofMinutes(2);

    private final LibvirtConnection libvirt;
    private final HostSetup setup;
    private final HostProperties.Storage storage;

    Volumes(LibvirtConnection libvirt, HostSetup setup, HostProperties properties) {
        this.libvirt = libvirt;
        this.setup = setup;
        this.storage = properties.storage();
    }

    /** Imports an image into the pool (once per version of its file) and returns the template. */
    public Template ensureTemplate(TemplateSource source) {
        setup.ready();
        Path disk = Path.of(source.diskPath());
        if (!Files.isReadable(disk)) {
            throw new HostException(com.virtpanel.base.PanelException.Kind.FAILED,
                    "The image \"" + source.imageName() + "\" is not available on the host. Please contact support.",
                    "missing image file " + disk, null);
        }
        String tag = source.imageName() + "-" + fingerprint(disk);
        String volume = "tpl-" + tag + ".qcow2";
        Path target = storage.poolDir().resolve(volume);
        copyOnce(disk, target);
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
        refreshPool();
        return new Template(volume, boot);
    }

    /** A qcow2 overlay on the template, grown to {@code sizeGib}. Does nothing if it exists. */
    public void createDisk(String volume, Template template, int sizeGib) {
        setup.ready();
        Path backing = storage.poolDir().resolve(template.volume());
        String xml = "<volume><name>" + DomainXml.esc(volume) + "</name>"
                + "<capacity unit='GiB'>" + sizeGib + "</capacity>"
                + "<target><format type='qcow2'/><permissions><mode>0600</mode></permissions></target>"
                + "<backingStore><path>" + DomainXml.esc(backing.toString()) + "</path><format type='qcow2'/></backingStore>"
                + "</volume>";
        libvirt.call("create disk", SLOW, c -> {
            StoragePool pool = pool(c);
            if (!Arrays.asList(pool.listVolumes()).contains(volume)) {
                pool.storageVolCreateXML(xml, 0).free();
            }
            pool.free();
            return null;
        });
    }

    /** Writes (or rewrites) a server's cloud-init seed ISO. */
    public void writeSeed(String volume, CloudInitSeed seed) {
        setup.ready();
        try {
            SeedIso.write(seed, storage.poolDir().resolve(volume));
        } catch (IOException | UncheckedIOException e) {
            log.error("Writing seed {} failed", volume, e);
            throw new HostException(com.virtpanel.base.PanelException.Kind.FAILED,
                    "The host could not prepare the server's first-boot settings. Please contact support.", e.getMessage(), e);
        }
        refreshPool();
    }

    public boolean exists(String volume) {
        return Files.exists(path(volume));
    }

    /** Absolute path of a volume in the pool. */
    public Path path(String volume) {
        return storage.poolDir().resolve(volume);
    }

    /** Removes a volume; a missing one is fine (the step may run twice). */
    public void delete(String volume) {
        libvirt.call("delete volume", SLOW, c -> {
            StoragePool pool = pool(c);
            pool.refresh(0);
            if (Arrays.asList(pool.listVolumes()).contains(volume)) {
                StorageVol vol = pool.storageVolLookupByName(volume);
                vol.delete(0);
                vol.free();
            }
            pool.free();
            return null;
        });
    }

    /** Names of all volumes whose name starts with {@code prefix} (a server's volumes share its domain name). */
    public List<String> list(String prefix) {
        return libvirt.call("list volumes", c -> {
            StoragePool pool = pool(c);
            pool.refresh(0);
            List<String> names = Arrays.stream(pool.listVolumes()).filter(n -> n.startsWith(prefix)).sorted().toList();
            pool.free();
            return names;
        });
    }

    /** The size the guest sees, in bytes. */
    public long virtualSize(String volume) {
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
        libvirt.call("resize volume", SLOW, c -> {
            StoragePool pool = pool(c);
            StorageVol vol = pool.storageVolLookupByName(volume);
            vol.resize(sizeGib * 1024L * 1024 * 1024, 0);
            vol.free();
            pool.free();
            return null;
        });
    }

    public StorageCapacity capacity() {
        setup.ready();
        return libvirt.call("read storage capacity", c -> {
            StoragePool pool = pool(c);
            var info = pool.getInfo();
            pool.free();
            return new StorageCapacity(info.capacity, info.allocation, info.available);
        });
    }

    private void refreshPool() {
        libvirt.call("refresh pool", c -> {
            StoragePool pool = pool(c);
            pool.refresh(0);
            pool.free();
            return null;
        });
    }

    private StoragePool pool(NativeConnect c) throws LibvirtException {
        return c.storagePoolLookupByName(storage.pool());
    }

    /** Copies through a temporary name so a crash never leaves a half-copied template behind. */
    private static void copyOnce(Path source, Path target) {
        if (Files.exists(target)) {
            return;
        }
        try {
            // A partial file of our own: two first orders of an image may copy it at the same
            // time, and whichever move lands last simply replaces an identical file.
            Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
            Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new HostException(com.virtpanel.base.PanelException.Kind.FAILED,
                    "The host could not import the image. Please contact support.", e.toString(), e);
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
