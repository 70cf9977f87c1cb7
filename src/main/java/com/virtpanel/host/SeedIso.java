package com.virtpanel.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds a cloud-init NoCloud seed: an ISO 9660 image labelled "cidata" holding meta-data,
 * user-data and network-config. Uses genisoimage, or xorriso where that is what is installed.
 */
final class SeedIso {

    private SeedIso() {
    }

    static void write(CloudInitSeed seed, Path target) throws IOException {
        var files = new java.util.LinkedHashMap<String, String>();
        files.put("meta-data", seed.metaData());
        files.put("user-data", seed.userData());
        if (seed.networkConfig() != null) {
            files.put("network-config", seed.networkConfig());
        }
        write(files, "cidata", target);
    }

    /** An ISO labelled {@code label} holding the given files (name to UTF-8 content). */
    static void write(java.util.Map<String, String> contents, String label, Path target) throws IOException {
        Path work = Files.createTempDirectory("vp-seed-");
        try {
            Path files = Files.createDirectory(work.resolve("files"));
            for (var file : contents.entrySet()) {
                Files.writeString(files.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
            Path iso = work.resolve("seed.iso");
            HostCommand.check(Duration.ofSeconds(30), command(iso, files, label));
            Files.move(iso, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteTree(work);
        }
    }

    private static List<String> command(Path iso, Path files, String label) {
        var cmd = new ArrayList<String>();
        if (HostCommand.onPath("genisoimage")) {
            cmd.add("genisoimage");
        } else if (HostCommand.onPath("xorriso")) {
            cmd.addAll(List.of("xorriso", "-as", "mkisofs"));
        } else {
            throw new java.io.UncheckedIOException(new IOException("neither genisoimage nor xorriso is installed (apt-get install genisoimage)"));
        }
        cmd.addAll(List.of("-quiet", "-output", iso.toString(), "-volid", label, "-joliet", "-rock", files.toString()));
        return cmd;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
