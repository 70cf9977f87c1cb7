package com.virtpanel.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What the host kernel can enforce. libvirt's interface bandwidth builds an HTB tree with SFQ
 * leaves and polices what the guest sends; a kernel without SFQ (built in or loadable) makes
 * the guest fail to start, so the bandwidth element is only written where SFQ exists.
 * Elsewhere the panel shapes the tap itself ({@link TapShaper}) when the kernel has what
 * that needs.
 */
final class KernelFeatures {

    private KernelFeatures() {
    }

    static boolean hasQdisc(String name) {
        return has(name + "_enqueue", "sch_" + name);
    }

    /** {@code symbol} in the running kernel, or {@code module} among its loadable modules. */
    static boolean has(String symbol, String module) {
        String word = " " + symbol;
        try (Stream<String> lines = Files.lines(Path.of("/proc/kallsyms"))) {
            if (lines.anyMatch(l -> l.endsWith(word) || l.contains(word + "\t"))) {
                return true;
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: fall back to the module index below
        }
        String release = System.getProperty("os.version");
        Path modulesDep = Path.of("/lib/modules", release, "modules.dep");
        try (Stream<String> lines = Files.lines(modulesDep)) {
            return lines.anyMatch(l -> l.contains("/" + module + ".ko"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** libvirt's {@code <bandwidth>} needs HTB and SFQ for what the guest receives, the police action for what it sends. */
    static boolean libvirtBandwidth() {
        return hasQdisc("htb") && hasQdisc("sfq") && has("tcf_police_act", "act_police");
    }

    /** {@link TapShaper}'s needs: TBF, the ingress qdisc, the u32 filter, the mirred action, IFB devices, and tc and ip. */
    static boolean tapShaping() {
        return hasQdisc("tbf") && has("ingress_init", "sch_ingress") && has("u32_classify", "cls_u32") && has("tcf_mirred_act", "act_mirred")
                && has("ifb_xmit", "ifb") && HostCommand.onPath("tc") && HostCommand.onPath("ip");
    }
}
