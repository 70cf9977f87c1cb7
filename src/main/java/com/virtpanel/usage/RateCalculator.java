package com.virtpanel.usage;

import java.time.Duration;

/**
 * Turns two consecutive counter readings into rates. A reset (new boot, or any counter going
 * down) and a late reading (missed passes) give a gap, never a negative or inflated rate.
 * Traffic is counted separately and exactly: after a reset the counters started again at
 * zero, so the new reading is itself the traffic since then.
 */
final class RateCalculator {

    /** The result for one server and pass; {@code rates} is null for a gap, {@code seconds} what they cover. */
    record Step(Rates rates, double seconds, long rxBytes, long txBytes, boolean skip) {

        static final Step SKIP = new Step(null, 0, 0, 0, true);

        boolean gap() {
            return rates == null;
        }
    }

    private RateCalculator() {
    }

    /**
     * @param previous the last stored reading, or null for the first one
     * @param maxGap   readings further apart than this are not turned into a rate
     */
    static Step step(Counters previous, Counters current, Duration maxGap) {
        if (previous == null || previous.bootId() != current.bootId()) {
            // counters began at zero with this guest process: all of it is new traffic
            return new Step(null, 0, current.netRxBytes(), current.netTxBytes(), false);
        }
        long nanos = Duration.between(previous.at(), current.at()).toNanos();
        if (nanos <= 0) {
            return Step.SKIP; // the same reading again (or a clock step back): nothing to learn
        }
        long rx = delta(previous.netRxBytes(), current.netRxBytes());
        long tx = delta(previous.netTxBytes(), current.netTxBytes());
        if (current.anyBelow(previous) || nanos > maxGap.toNanos()) {
            return new Step(null, 0, rx, tx, false);
        }
        double seconds = nanos / 1e9;
        var rates = new Rates(
                (current.cpuTimeNs() - previous.cpuTimeNs()) / (double) nanos * 100.0,
                (current.diskReadBytes() - previous.diskReadBytes()) / seconds,
                (current.diskWriteBytes() - previous.diskWriteBytes()) / seconds,
                (current.diskReadOps() - previous.diskReadOps()) / seconds,
                (current.diskWriteOps() - previous.diskWriteOps()) / seconds,
                rx * 8.0 / seconds,
                tx * 8.0 / seconds);
        return new Step(rates, seconds, rx, tx, false);
    }

    /** A counter that went down was reset (an interface re-plugged): its value is what came since. */
    private static long delta(long before, long after) {
        return after >= before ? after - before : after;
    }
}
