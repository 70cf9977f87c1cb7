package com.virtpanel.host;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.Bytes;
import com.virtpanel.base.PanelException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * {@link GuestImageTools} with Debian's libguestfs tools (guestfish, qemu-img). One appliance
 * per change; changes go into a {@link ScratchOverlay} that is committed only on success.
 * File contents cross between guest and panel as files in a private temporary directory,
 * and are edited here, never by running the guest's own programs.
 */
@Service
class LibguestfsTools implements GuestImageTools {

    private static final Logger log = LoggerFactory.getLogger(LibguestfsTools.class);
    private static final long MAX_FILE = 16L * 1024 * 1024;

    private final GuestfsProperties settings;
    private final HostSetup setup;
    private final Volumes volumes;
    private final Path scratchDir;
    private final Semaphore appliances;

    LibguestfsTools(GuestfsProperties settings, HostSetup setup, Volumes volumes, HostProperties host) {
        this.settings = settings;
        this.setup = setup;
        this.volumes = volumes;
        this.scratchDir = host.storage().dir().resolve("scratch");
        this.appliances = new Semaphore(Math.max(1, settings.maxParallel()), true);
    }

    @Override
    public InspectedOs inspect(Path imageFile) {
        if (!Files.isReadable(imageFile)) {
            throw new HostException(PanelException.Kind.INVALID, UserMessage.of("error.host.image-file-not-readable"),
                    "unreadable " + imageFile, null);
        }
        return session(imageFile, true, UserMessage.of("host.disk-tools.inspect"), g -> { }, g -> {
            String root = GuestRoot.find(g);
            return GuestRoot.describe(g, root);
        });
    }

    @Override
    public void setRootPasswordHash(String volume, String cryptHash) {
        change(volume, null, UserMessage.of("host.disk-tools.set-root-password"), g -> {
            GuestRoot.mount(g);
            try (var files = new TransferDir()) {
                if (!isFile(g, "/etc/shadow")) {
                    throw new HostException(PanelException.Kind.FAILED, UserMessage.of("error.host.no-shadow"),
                            "no /etc/shadow", null);
                }
                String shadow = download(g, files, "/etc/shadow");
                // Uploading onto the file rewrites it in place: owner, mode and SELinux label stay.
                upload(g, files, ShadowFile.withRootHash(shadow, cryptHash), "/etc/shadow");
            }
        });
    }

    @Override
    public void addRootSshKey(String volume, String keyLine) {
        change(volume, null, UserMessage.of("host.disk-tools.add-ssh-key"), g -> {
            GuestRoot.mount(g);
            try (var files = new TransferDir()) {
                String home = rootHome(download(g, files, "/etc/passwd"));
                String dir = (home.equals("/") ? "" : home) + "/.ssh";
                String file = dir + "/authorized_keys";
                boolean created = false;
                if (!isDir(g, dir)) {
                    if (exists(g, dir)) {
                        throw notRegular(dir);
                    }
                    g.call("mkdir-p " + Guestfish.quote(dir));
                    g.call("chmod 0700 " + Guestfish.quote(dir));
                    g.call("chown 0 0 " + Guestfish.quote(dir));
                    created = true;
                }
                boolean present = isFile(g, file);
                if (!present && exists(g, file)) {
                    throw notRegular(file); // a symlink or directory: not ours to replace
                }
                // Files are handled byte for byte (ISO-8859-1); the key's comment may be UTF-8.
                String key = new String(keyLine.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
                String updated = AuthorizedKeys.withKey(present ? download(g, files, file) : "", key);
                if (updated == null) {
                    return; // already there (a repeated step)
                }
                upload(g, files, updated, file);
                if (!present) {
                    g.call("chmod 0600 " + Guestfish.quote(file));
                    g.call("chown 0 0 " + Guestfish.quote(file));
                    created = true;
                }
                if (created && exists(g, "/etc/selinux/config")) {
                    g.call("touch /.autorelabel"); // new files have no SELinux label until relabelled
                }
            }
        });
    }

    @Override
    public void growDisk(String volume, int sizeGib) {
        long target = sizeGib * Bytes.GIB;
        long current = volumes.virtualSize(volume);
        if (current > target) {
            throw new HostException(PanelException.Kind.INVALID, UserMessage.of("error.host.disk-cannot-shrink", current / Bytes.GIB, sizeGib), "shrink refused: " + volume, null);
        }
        change(volume, target, UserMessage.of("host.disk-tools.grow-disk"), g -> {
            String root = GuestRoot.find(g);
            if ("linux".equals(g.value("inspect-get-type " + Guestfish.quote(root)))) {
                RootGrowth.grow(g, root);
            }
        });
        // The commit grew the volume with the layer; this only repairs a size it did not reach.
        if (volumes.virtualSize(volume) < target) {
            volumes.resize(volume, sizeGib);
        }
    }

    /** Runs {@code edit} on a scratch layer over the volume and commits it if nothing failed. */
    private void change(String volume, Long sizeBytes, UserMessage what, Consumer<Guestfish> edit) {
        Path disk = volumes.path(volume);
        if (!Files.exists(disk)) {
            throw new HostException(PanelException.Kind.FAILED, UserMessage.of("error.host.disk-missing"),
                    "missing volume " + disk, null);
        }
        try (var layer = ScratchOverlay.over(settings.qemuImg(), disk, scratchDir, sizeBytes)) {
            session(layer.path(), false, what, edit, g -> {
                g.call("umount-all");
                g.call("sync");
                g.call("shutdown");
                return null;
            });
            layer.commit();
            log.info("Committed \"{}\" into {}", what, volume);
        }
    }

    private <T> T session(Path drive, boolean readOnly, UserMessage what, Consumer<Guestfish> first,
            java.util.function.Function<Guestfish, T> then) {
        acquire();
        long started = System.nanoTime();
        try (var g = Guestfish.open(Guestfish.command(settings.guestfish(), drive, readOnly), environment(), settings.timeout())) {
            g.call("run");
            first.accept(g);
            return then.apply(g);
        } catch (Guestfish.GuestfishFailure e) {
            log.warn("libguestfs could not {} on {}: {}", what, drive.getFileName(), e.getMessage());
            throw new HostException(PanelException.Kind.FAILED, UserMessage.of("error.host.disk-tools-failed", what),
                    e.getMessage(), e);
        } finally {
            appliances.release();
            log.info("libguestfs: {} on {} took {} s", what, drive.getFileName(), (System.nanoTime() - started) / 1_000_000_000);
        }
    }

    private List<String[]> environment() {
        var env = new ArrayList<String[]>();
        env.add(new String[] {"LIBGUESTFS_BACKEND", settings.backend()});
        boolean tcg = switch (settings.forceTcg()) {
            case "true" -> true;
            case "false" -> false;
            default -> "qemu".equals(setup.ready().virtType()); // guests cannot use KVM here, nor can the appliance
        };
        if (tcg) {
            env.add(new String[] {"LIBGUESTFS_BACKEND_SETTINGS", "force_tcg"});
        }
        return env;
    }

    private void acquire() {
        try {
            appliances.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostException(PanelException.Kind.UNAVAILABLE, UserMessage.of("error.host.busy-short"),
                    "interrupted waiting for an appliance", e);
        }
    }

    private static boolean isFile(Guestfish g, String path) {
        return Boolean.parseBoolean(g.value("is-file " + Guestfish.quote(path)));
    }

    private static boolean isDir(Guestfish g, String path) {
        return Boolean.parseBoolean(g.value("is-dir " + Guestfish.quote(path)));
    }

    private static boolean exists(Guestfish g, String path) {
        return Boolean.parseBoolean(g.value("exists " + Guestfish.quote(path)));
    }

    private static String download(Guestfish g, TransferDir files, String path) {
        long size = Long.parseLong(g.value("filesize " + Guestfish.quote(path)));
        if (size > MAX_FILE) {
            throw new HostException(PanelException.Kind.FAILED, UserMessage.of("error.host.file-too-large", path),
                    path + " has " + size + " bytes", null);
        }
        Path local = files.next();
        g.call("download " + Guestfish.quote(path) + " " + Guestfish.quote(local.toString()));
        return files.read(local);
    }

    private static void upload(Guestfish g, TransferDir files, String content, String path) {
        Path local = files.write(content);
        g.call("upload " + Guestfish.quote(local.toString()) + " " + Guestfish.quote(path));
    }

    /** root's home directory from /etc/passwd (field 6), /root when it does not say. */
    static String rootHome(String passwd) {
        for (String line : passwd.split("\n")) {
            String[] fields = line.split(":", -1);
            if (fields.length >= 7 && fields[0].equals("root") && fields[5].startsWith("/") && !fields[5].contains("..")) {
                return fields[5].length() > 1 && fields[5].endsWith("/") ? fields[5].substring(0, fields[5].length() - 1) : fields[5];
            }
        }
        return "/root";
    }

    private static HostException notRegular(String path) {
        return new HostException(PanelException.Kind.FAILED, UserMessage.of("error.host.not-regular-file", path),
                "unexpected file type at " + path, null);
    }

    /** A private directory (0700) for files on their way in or out of a guest; removed afterwards. */
    private static final class TransferDir implements AutoCloseable {

        private final Path dir;
        private int count;

        TransferDir() {
            try {
                dir = Files.createTempDirectory("vp-guestfs-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Path next() {
            return dir.resolve("f" + (++count));
        }

        Path write(String content) {
            Path p = next();
            try {
                Files.writeString(p, content, StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return p;
        }

        String read(Path p) {
            try {
                // ISO-8859-1 maps bytes 1:1, so a file with other encodings survives the round trip unchanged
                return Files.readString(p, StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                log.warn("Could not remove {}: {}", dir, e.getMessage());
            }
        }
    }
}
