package com.virtpanel.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What the host kernel can enforce. libvirt's interface bandwidth builds an HTB tree with SFQ
 * leaves; a kernel without SFQ (built in or loadable) makes the guest fail to start, so the
 * bandwidth element is only written where SFQ exists.
 */
final class KernelFeatures {

    private KernelFeatures() {
    }

    static boolean hasQdisc(String name) {
        String symbol = " " + name + "_enqueue";
        try (Stream<String> lines = Files.lines(Path.of("/proc/kallsyms"))) {
            if (lines.anyMatch(l -> l.contains(symbol))) {
                return true;
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: fall back to the module index below
        }
        String release = System.getProperty("os.version");
        Path modulesDep = Path.of("/lib/modules", release, "modules.dep");
        try (Stream<String> lines = Files.lines(modulesDep)) {
            return lines.anyMatch(l -> l.contains("/sch_" + name + ".ko"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** libvirt's {@code <bandwidth>} needs HTB and SFQ. */
    static boolean libvirtBandwidth() {
        return hasQdisc("htb") && hasQdisc("sfq");
    }
}
