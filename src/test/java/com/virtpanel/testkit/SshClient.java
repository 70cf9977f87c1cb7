package com.virtpanel.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The system's OpenSSH client with a fresh ed25519 key of its own, for logging in to guests as
 * a customer would. Host keys are neither checked nor remembered: every guest is new.
 */
public final class SshClient implements AutoCloseable {

    private final Path dir;
    private final Path key;
    private final String publicKey;

    private SshClient(Path dir) throws IOException {
        this.dir = dir;
        this.key = dir.resolve("id_ed25519");
        Shell.Result made = Shell.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "virtpanel-test", "-f", key.toString());
        if (!made.ok()) {
            throw new IllegalStateException("ssh-keygen failed (install openssh-client): " + made.output());
        }
        this.publicKey = Files.readString(dir.resolve("id_ed25519.pub"), StandardCharsets.UTF_8).trim();
    }

    public static SshClient withNewKey() {
        try {
            return new SshClient(Files.createTempDirectory("vp-ssh-", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------"))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The OpenSSH public key line to give the panel. */
    public String publicKey() {
        return publicKey;
    }

    /** Runs {@code command} as {@code user} on {@code host}; a refused or timed-out connection is a non-zero exit. */
    public Shell.Result run(String user, String host, String command) {
        return Shell.run("ssh", "-i", key.toString(), "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=10",
                "-o", "ServerAliveInterval=10", "-o", "ServerAliveCountMax=3", user + "@" + host, command);
    }

    @Override
    public void close() {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temporary directory: the OS cleans it up eventually
        }
    }
}
