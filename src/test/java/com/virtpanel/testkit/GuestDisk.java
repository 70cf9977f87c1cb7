package com.virtpanel.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads a stopped guest's disk independently of the panel's own code: files from the root
 * filesystem and its size. For demo-image disks (ext4 on the whole /dev/sda). qemu-img turns the
 * disk (with its backing chain) into a sparse raw copy and e2fsprogs' debugfs reads that: a
 * libguestfs appliance took some 12 s of CPU per look under emulation, this takes a fraction of a
 * second. Writing still goes through libguestfs, which keeps the qcow2 file as it is.
 */
public final class GuestDisk {

    private GuestDisk() {
    }

    /** What a disk holds: the requested files (null: missing) and the root filesystem's size in bytes. */
    public record Contents(Map<String, String> files, long filesystemBytes) {
    }

    public static Contents read(Path disk, String... files) {
        Path raw = null;
        try {
            raw = Files.createTempFile("guestdisk", ".raw");
            run(disk, "qemu-img", "convert", "-O", "raw", disk.toString(), raw.toString());
            var found = new LinkedHashMap<String, String>();
            for (String file : files) {
                Output cat = run(disk, "debugfs", "-R", "cat " + file, raw.toString());
                found.put(file, cat.errors().contains("not found") ? null : cat.out());
            }
            Output stats = run(disk, "debugfs", "-R", "stats", raw.toString());
            if (stats.out().isBlank()) { // debugfs exits 0 when it finds no filesystem: say what it said instead
                throw new IllegalStateException("debugfs found no filesystem in " + disk + ": " + stats.errors());
            }
            return new Contents(found, number(stats.out(), "Block count") * number(stats.out(), "Block size"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            if (raw != null) {
                raw.toFile().delete();
            }
        }
    }

    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a file into a stopped guest's disk (ext4 on the whole device, as the demo image has it). */
    public static void write(Path disk, String file, String content) {
        guestfish(disk, "run\nmount /dev/sda /\nwrite " + file + " \"" + content + "\"\numount-all\n");
    }

    private static long number(String text, String field) {
        for (String line : text.split("\n")) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        throw new IllegalStateException("no " + field + " in " + text);
    }

    private record Output(String out, String errors) {
    }

    private static Output run(Path disk, String... command) {
        return run(disk, new ProcessBuilder(command), null);
    }

    private static void guestfish(Path disk, String script) {
        var builder = new ProcessBuilder("guestfish", "--rw", "--format=qcow2", "-a", disk.toString());
        builder.environment().put("LIBGUESTFS_BACKEND", "direct");
        builder.environment().put("LIBGUESTFS_BACKEND_SETTINGS", "force_tcg");
        run(disk, builder, script);
    }

    /** Runs the command on the disk, with {@code input} on its stdin when given; a failure says what it printed. */
    private static Output run(Path disk, ProcessBuilder builder, String input) {
        String command = builder.command().get(0);
        try {
            Path errors = Files.createTempFile("guestdisk", ".err");
            try {
                Process p = builder.redirectError(errors.toFile()).start();
                if (input != null) {
                    p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
                }
                p.getOutputStream().close();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(20, TimeUnit.MINUTES) || p.exitValue() != 0) {
                    p.destroyForcibly();
                    throw new IllegalStateException(command + " on " + disk + " failed: " + out + Files.readString(errors));
                }
                return new Output(out, Files.readString(errors));
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
