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
        Path work = Files.createTempDirectory("vp-seed-");
        try {
            Path files = Files.createDirectory(work.resolve("cidata"));
            Files.writeString(files.resolve("meta-data"), seed.metaData(), StandardCharsets.UTF_8);
            Files.writeString(files.resolve("user-data"), seed.userData(), StandardCharsets.UTF_8);
            String network = seed.networkConfig();
            if (network != null) {
                Files.writeString(files.resolve("network-config"), network, StandardCharsets.UTF_8);
            }
            Path iso = work.resolve("seed.iso");
            HostCommand.check(Duration.ofSeconds(30), command(iso, files));
            Files.move(iso, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteTree(work);
        }
    }

    private static List<String> command(Path iso, Path files) {
        var cmd = new ArrayList<String>();
        if (HostCommand.onPath("genisoimage")) {
            cmd.add("genisoimage");
        } else if (HostCommand.onPath("xorriso")) {
            cmd.addAll(List.of("xorriso", "-as", "mkisofs"));
        } else {
            throw new java.io.UncheckedIOException(new IOException("neither genisoimage nor xorriso is installed (apt-get install genisoimage)"));
        }
        cmd.addAll(List.of("-quiet", "-output", iso.toString(), "-volid", "cidata", "-joliet", "-rock", files.toString()));
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
