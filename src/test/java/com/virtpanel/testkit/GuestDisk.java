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
 * Reads a stopped guest's disk with libguestfs, independently of the panel's own code: files
 * from the root filesystem and its size. For demo-image disks (ext4 on the whole /dev/sda).
 */
public final class GuestDisk {

    private GuestDisk() {
    }

    /** What a disk holds: the requested files (null: missing) and the root filesystem's size in bytes. */
    public record Contents(Map<String, String> files, long filesystemBytes) {
    }

    public static Contents read(Path disk, String... files) {
        var script = new StringBuilder("run\nmount-ro /dev/sda /\n");
        for (int i = 0; i < files.length; i++) {
            script.append("echo @@file-").append(i).append("@@\n-cat ").append(files[i]).append('\n');
        }
        script.append("echo @@statvfs@@\nstatvfs /\n");
        String out = guestfish(disk, script.toString());
        var found = new LinkedHashMap<String, String>();
        for (int i = 0; i < files.length; i++) {
            String start = "@@file-" + i + "@@\n";
            String end = i + 1 < files.length ? "@@file-" + (i + 1) + "@@\n" : "@@statvfs@@\n";
            int from = out.indexOf(start);
            int to = out.indexOf(end);
            String content = out.substring(from + start.length(), to);
            // guestfish ends what it prints with a newline of its own
            found.put(files[i], content.isEmpty() ? null : content.substring(0, content.length() - 1));
        }
        String stat = out.substring(out.indexOf("@@statvfs@@"));
        return new Contents(found, number(stat, "frsize") * number(stat, "blocks"));
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
        guestfish(disk, "run\nmount /dev/sda /\nwrite " + file + " \"" + content + "\"\numount-all\n", true);
    }

    private static long number(String text, String field) {
        for (String line : text.split("\n")) {
            if (line.trim().startsWith(field + ":")) {
                return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        throw new IllegalStateException("no " + field + " in " + text);
    }

    private static String guestfish(Path disk, String script) {
        return guestfish(disk, script, false);
    }

    private static String guestfish(Path disk, String script, boolean write) {
        try {
            var builder = new ProcessBuilder("guestfish", write ? "--rw" : "--ro", "--format=qcow2", "-a", disk.toString());
            builder.environment().put("LIBGUESTFS_BACKEND", "direct");
            builder.environment().put("LIBGUESTFS_BACKEND_SETTINGS", "force_tcg");
            Path errors = Files.createTempFile("guestdisk", ".err");
            builder.redirectError(errors.toFile());
            Process p = builder.start();
            p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("guestfish on " + disk + " failed: " + out + Files.readString(errors));
            }
            Files.deleteIfExists(errors);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
