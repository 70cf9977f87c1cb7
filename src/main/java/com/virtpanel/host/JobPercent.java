package com.virtpanel.host;

import java.util.function.IntConsumer;

/** Passes a libvirt job's percentage on only when it moved: a job polled every few hundred ms reports at most 100 times. */
final class JobPercent {

    private final IntConsumer listener;
    private int last = -1;

    JobPercent(IntConsumer listener) {
        this.listener = listener;
    }

    void report(int percent) {
        if (percent != last) {
            last = percent;
            listener.accept(percent);
        }
    }
}
