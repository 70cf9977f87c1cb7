package com.virtpanel.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The backup repository (panel.backup.dir): a directory per server holding its chain files and
 * manifest.json with each file's size, SHA-256 and parent. Every problem with the directory is
 * a {@link RepositoryProblem} with a message the customer and the admin can act on.
 */
@Component
class BackupStore {

    static final String MANIFEST = "manifest.json";

    /** The repository cannot take or give a backup; the message says why. */
    static class RepositoryProblem extends Exception {
        RepositoryProblem(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Path root;
    private final ObjectMapper json = new ObjectMapper();

    BackupStore(BackupProperties properties) {
        this.root = properties.dir();
    }

    Path root() {
        return root;
    }

    Path dir(long serverId) {
        return root.resolve("server-" + serverId);
    }

    Path file(long serverId, String fileName) {
        return dir(serverId).resolve(fileName);
    }

    /**
     * The server's directory, ready for a new file of up to {@code neededBytes}: the repository
     * must exist (a share that is not mounted must not be filled up underneath), be writable,
     * and have the room.
     */
    Path prepare(long serverId, long neededBytes) throws RepositoryProblem {
        Path dir = dir(serverId);
        try {
            if (!Files.isDirectory(root)) {
                // Made inside an existing directory only: a mount point that is gone is not recreated somewhere else.
                if (root.getParent() == null || !Files.isDirectory(root.getParent())) {
                    throw new RepositoryProblem("The backup repository " + root + " does not exist (is the share mounted?)", null);
                }
                Files.createDirectory(root);
                Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            if (!Files.isDirectory(dir)) {
                Files.createDirectory(dir);
                // QEMU, running as its own user, writes the backup file into it.
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            if (!Files.isWritable(dir)) {
                throw new RepositoryProblem("The backup repository " + root + " is not writable", null);
            }
            long free = Files.getFileStore(dir).getUsableSpace();
            if (free < neededBytes) {
                throw new RepositoryProblem("The backup repository is full: " + free / (1 << 20) + " MiB free, up to "
                        + neededBytes / (1 << 20) + " MiB needed", null);
            }
        } catch (IOException e) {
            throw new RepositoryProblem("The backup repository " + root + " cannot be written: " + e.getMessage(), e);
        }
        return dir;
    }

    String sha256(Path file) throws RepositoryProblem {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 20];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new RepositoryProblem("The backup file " + file.getFileName() + " cannot be read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    synchronized Manifest manifest(long serverId) throws RepositoryProblem {
        Path path = dir(serverId).resolve(MANIFEST);
        if (!Files.exists(path)) {
            return Manifest.empty();
        }
        try {
            return json.readValue(path.toFile(), Manifest.class);
        } catch (IOException e) {
            throw new RepositoryProblem("The backup manifest of server " + serverId + " is unreadable: " + e.getMessage(), e);
        }
    }

    /** Adds or replaces an entry; the manifest is replaced whole, never left half-written. */
    synchronized void record(long serverId, Manifest.Entry entry) throws RepositoryProblem {
        write(serverId, manifest(serverId).with(entry));
    }

    /** Forgets the entry and removes its file. */
    synchronized void remove(long serverId, String fileName) throws RepositoryProblem {
        write(serverId, manifest(serverId).without(fileName));
        try {
            Files.deleteIfExists(file(serverId, fileName));
        } catch (IOException e) {
            throw new RepositoryProblem("The backup file " + fileName + " cannot be removed: " + e.getMessage(), e);
        }
    }

    /** Empty when the file is there and hashes as the manifest says; else what is wrong. */
    Optional<String> verify(long serverId, String fileName) throws RepositoryProblem {
        Optional<Manifest.Entry> entry = manifest(serverId).entry(fileName);
        if (entry.isEmpty()) {
            return Optional.of("not in the manifest");
        }
        Path file = file(serverId, fileName);
        if (!Files.isRegularFile(file)) {
            return Optional.of("the file is missing");
        }
        try {
            if (Files.size(file) != entry.get().size()) {
                return Optional.of("the file's size changed");
            }
        } catch (IOException e) {
            return Optional.of("the file cannot be read");
        }
        return sha256(file).equals(entry.get().sha256()) ? Optional.empty() : Optional.of("the file's SHA-256 changed");
    }

    private void write(long serverId, Manifest manifest) throws RepositoryProblem {
        Path path = dir(serverId).resolve(MANIFEST);
        Path partial = path.resolveSibling("." + MANIFEST + ".partial");
        try {
            json.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), manifest);
            Files.move(partial, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new RepositoryProblem("The backup manifest of server " + serverId + " cannot be written: " + e.getMessage(), e);
        }
    }
}
