package com.virtpanel.host;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * A set of host CPU numbers in libvirt's and the kernel's cpuset syntax ("1", "0,2-3").
 * Immutable; the empty set is written "" and means "none".
 */
public final class CpuSet {

    /** Sanity bound: no host here has more, and a typo like "1-99999" must not allocate a huge set. */
    static final int MAX_CPU = 4095;

    public static final CpuSet NONE = new CpuSet(new TreeSet<>());

    private final TreeSet<Integer> cpus;

    private CpuSet(TreeSet<Integer> cpus) {
        this.cpus = cpus;
    }

    /**
     * Parses "1", "1-3", "0,2-3" (spaces allowed around parts); null or blank is {@link #NONE}.
     *
     * @throws IllegalArgumentException for anything else, naming the bad part
     */
    public static CpuSet parse(String text) {
        var set = new TreeSet<Integer>();
        if (text == null || text.isBlank()) {
            return NONE;
        }
        for (String raw : text.split(",", -1)) {
            String part = raw.trim();
            int dash = part.indexOf('-');
            int from = number(text, dash < 0 ? part : part.substring(0, dash));
            int to = dash < 0 ? from : number(text, part.substring(dash + 1));
            if (to < from) {
                throw new IllegalArgumentException("cpuset '" + text + "': range " + part + " runs backwards");
            }
            for (int cpu = from; cpu <= to; cpu++) {
                set.add(cpu);
            }
        }
        return new CpuSet(set);
    }

    private static int number(String text, String part) {
        if (!part.matches("\\d{1,4}") || Integer.parseInt(part) > MAX_CPU) {
            throw new IllegalArgumentException("cpuset '" + text + "': '" + part + "' is not a CPU number (0-" + MAX_CPU + ")");
        }
        return Integer.parseInt(part);
    }

    public static CpuSet of(Collection<Integer> cpus) {
        for (int cpu : cpus) {
            if (cpu < 0 || cpu > MAX_CPU) {
                throw new IllegalArgumentException("not a CPU number: " + cpu);
            }
        }
        return new CpuSet(new TreeSet<>(cpus));
    }

    /** CPUs 0 to {@code count} - 1: every CPU of a host with {@code count} of them. */
    public static CpuSet firstCpus(int count) {
        var set = new TreeSet<Integer>();
        for (int cpu = 0; cpu < count; cpu++) {
            set.add(cpu);
        }
        return new CpuSet(set);
    }

    /**
     * The cores left to shared guests and every guest's emulator threads: all the host's but the
     * reserved ones; null when none are reserved (guests stay unpinned, as before dedicated cores).
     * A reservation naming a core the host lacks, or taking all of them, is refused loudly.
     */
    public static CpuSet sharedCores(CpuSet dedicated, int hostCpus) {
        if (dedicated.isEmpty()) {
            return null;
        }
        CpuSet all = firstCpus(hostCpus);
        if (!all.containsAll(dedicated)) {
            throw new IllegalStateException("panel.host.dedicated-cores=" + dedicated + " names cores this host lacks (it has "
                    + all + ")");
        }
        CpuSet shared = all.minus(dedicated);
        if (shared.isEmpty()) {
            throw new IllegalStateException("panel.host.dedicated-cores=" + dedicated
                    + " reserves every core: at least one must stay shared for the emulator threads and shared guests");
        }
        return shared;
    }

    public List<Integer> cpus() {
        return List.copyOf(cpus);
    }

    public int size() {
        return cpus.size();
    }

    public boolean isEmpty() {
        return cpus.isEmpty();
    }

    public boolean contains(int cpu) {
        return cpus.contains(cpu);
    }

    public boolean containsAll(CpuSet other) {
        return cpus.containsAll(other.cpus);
    }

    public CpuSet minus(CpuSet other) {
        var rest = new TreeSet<>(cpus);
        rest.removeAll(other.cpus);
        return new CpuSet(rest);
    }

    /** The lowest {@code count} CPUs of this set, or empty when it has fewer: the cores handed out next. */
    public java.util.Optional<CpuSet> lowest(int count) {
        if (count > cpus.size()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new CpuSet(new TreeSet<>(cpus().subList(0, count))));
    }

    /** The bitmap libvirt's pinning calls take: bit n of byte n / 8 is CPU n. */
    byte[] bitmap() {
        byte[] map = new byte[cpus.isEmpty() ? 1 : cpus.last() / 8 + 1];
        for (int cpu : cpus) {
            map[cpu / 8] |= (byte) (1 << (cpu % 8));
        }
        return map;
    }

    /** libvirt's and the kernel's syntax, ranges folded: "0,2-3". */
    @Override
    public String toString() {
        var parts = new ArrayList<String>();
        Integer start = null;
        Integer previous = null;
        for (int cpu : cpus) {
            if (previous != null && cpu == previous + 1) {
                previous = cpu;
                continue;
            }
            if (start != null) {
                parts.add(start.equals(previous) ? String.valueOf(start) : start + "-" + previous);
            }
            start = cpu;
            previous = cpu;
        }
        if (start != null) {
            parts.add(start.equals(previous) ? String.valueOf(start) : start + "-" + previous);
        }
        return String.join(",", parts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CpuSet other && cpus.equals(other.cpus);
    }

    @Override
    public int hashCode() {
        return cpus.hashCode();
    }
}
