package com.virtpanel.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Caps a running guest's network on its host-side tap with plain tc, for kernels where
 * libvirt's own bandwidth cannot work (it needs the sfq qdisc, and the police action for what
 * the guest sends). Traffic to the guest leaves the host through the tap: a TBF qdisc at the
 * tap's root caps it. Traffic from the guest arrives on the tap's ingress, where nothing can
 * queue: a u32 filter hands it to an IFB device of the guest's own, whose root TBF caps it.
 * The IFB device carries its tap's name as alias, so {@link #sweep()} can find the orphans a
 * stopped guest leaves behind. The tap itself (and what is on it) dies with the guest.
 */
@Component
class TapShaper {

    private static final Logger log = LoggerFactory.getLogger(TapShaper.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String IFB_PREFIX = "vpi";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INTERRUPTED_DUMP = "Dump was interrupted";
    private static final int DUMP_ATTEMPTS = 5;

    /** The rates in force on a tap, in kB/s (1000 bytes) as libvirt counts them; 0 is "not capped". */
    record Rates(long inboundKBps, long outboundKBps) {
    }

    /** Caps both directions of {@code tap} at {@code kBps}; repeating it with the same rate changes nothing. */
    synchronized void shape(String tap, long kBps) throws IOException {
        String ifb = ifbFor(tap);
        List<String> tbf = tbf(kBps);
        tc(concat(List.of("qdisc", "replace", "dev", tap, "root"), tbf));
        if (!exists(ifb)) {
            HostCommand.Result added = HostCommand.run(TIMEOUT, List.of("ip", "link", "add", ifb, "type", "ifb"));
            if (!added.ok() && !exists(ifb)) {
                throw new IOException("ip link add " + ifb + " type ifb failed: " + added.output());
            }
        }
        HostCommand.check(TIMEOUT, List.of("ip", "link", "set", "dev", ifb, "alias", tap, "up"));
        tc(concat(List.of("qdisc", "replace", "dev", ifb, "root"), tbf));
        if (!redirects(tap, ifb)) {
            tc(List.of("qdisc", "replace", "dev", tap, "handle", "ffff:", "ingress"));
            HostCommand.run(TIMEOUT, List.of("tc", "filter", "del", "dev", tap, "parent", "ffff:"));
            tc(List.of("filter", "add", "dev", tap, "parent", "ffff:", "protocol", "all", "prio", "1", "u32", "match", "u32", "0",
                    "0", "action", "mirred", "egress", "redirect", "dev", ifb));
        }
    }

    /** What caps {@code tap} now; null when the tap is gone (its guest stopped). Waits for a shape() under way. */
    synchronized Rates read(String tap) throws IOException {
        if (!exists(tap)) {
            return null;
        }
        long inbound = rootTbfKBps(tap);
        String ifb = ifbFor(tap);
        long outbound = exists(ifb) && redirects(tap, ifb) ? rootTbfKBps(ifb) : 0;
        return new Rates(inbound, outbound);
    }

    /** Removes the IFB devices of taps that are gone. */
    synchronized void sweep() {
        try {
            for (JsonNode link : json(List.of("ip", "-j", "link", "show", "type", "ifb"))) {
                String name = link.path("ifname").asText();
                String tap = link.path("ifalias").asText("");
                // no alias yet: shape() is between creating it and naming its tap (maybe in another panel)
                if (name.startsWith(IFB_PREFIX) && !tap.isEmpty() && !exists(tap)) {
                    HostCommand.run(TIMEOUT, List.of("ip", "link", "del", name));
                    log.debug("Removed {}, the network cap of the gone {}", name, tap);
                }
            }
        } catch (IOException e) {
            log.warn("Could not tidy up the network caps of stopped servers: {}", e.getMessage());
        }
    }

    /** "vpi" + the tap's name, hashed when that would pass the kernel's 15 characters. */
    static String ifbFor(String tap) {
        return tap.length() <= 15 - IFB_PREFIX.length() ? IFB_PREFIX + tap : IFB_PREFIX + Integer.toHexString(tap.hashCode());
    }

    /**
     * A token bucket at the rate. The bucket holds 10 ms of traffic but at least 64 KiB, so one
     * segmentation-offloaded frame fits; the queue holds 100 ms, enough for TCP to find the rate.
     */
    static List<String> tbf(long kBps) {
        long bytesPerSec = kBps * 1000;
        return List.of("tbf", "rate", (bytesPerSec * 8) + "bit", "burst", Long.toString(Math.max(64 * 1024, bytesPerSec / 100)),
                "latency", "100ms");
    }

    /** The rate of the root TBF qdisc (kB/s) from {@code tc -j qdisc show}; 0 when there is none. */
    static long rootTbfKBps(JsonNode qdiscs) {
        for (JsonNode q : qdiscs) {
            if ("tbf".equals(q.path("kind").asText()) && q.path("root").asBoolean(false)) {
                return q.path("options").path("rate").asLong(0) / 1000;
            }
        }
        return 0;
    }

    /** Whether {@code tc -j filter show ... parent ffff:} has a redirect to {@code ifb}. */
    static boolean redirectsTo(JsonNode filters, String ifb) {
        for (JsonNode f : filters) {
            for (JsonNode action : f.path("options").path("actions")) {
                if ("mirred".equals(action.path("kind").asText()) && ifb.equals(action.path("to_dev").asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private long rootTbfKBps(String device) throws IOException {
        return rootTbfKBps(json(List.of("tc", "-j", "qdisc", "show", "dev", device)));
    }

    private boolean redirects(String tap, String ifb) throws IOException {
        return redirectsTo(json(List.of("tc", "-j", "filter", "show", "dev", tap, "parent", "ffff:")), ifb);
    }

    private static boolean exists(String device) {
        return Files.exists(Path.of("/sys/class/net", device));
    }

    private static void tc(List<String> arguments) throws IOException {
        HostCommand.check(TIMEOUT, concat(List.of("tc"), arguments));
    }

    /**
     * What {@code command} prints as JSON. The kernel marks a netlink dump that changed while it
     * was read (another guest's tap came or went), and iproute2 then says so on stderr, which
     * {@link HostCommand} merges into the output: such a dump may be inconsistent, so it is read again.
     */
    static JsonNode json(List<String> command) throws IOException {
        for (int attempt = 1; ; attempt++) {
            HostCommand.Result result = HostCommand.run(TIMEOUT, command);
            if (result.output().contains(INTERRUPTED_DUMP)) {
                if (attempt < DUMP_ATTEMPTS) {
                    continue;
                }
                throw new IOException(String.join(" ", command) + ": the dump was interrupted " + DUMP_ATTEMPTS + " times");
            }
            if (!result.ok()) {
                throw new IOException(String.join(" ", command) + " failed: " + result.output());
            }
            return result.output().isEmpty() ? JSON.createArrayNode() : JSON.readTree(result.output());
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new ArrayList<String>(a);
        all.addAll(b);
        return all;
    }
}
