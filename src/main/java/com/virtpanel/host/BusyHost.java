package com.virtpanel.host;

import java.time.Duration;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a call again when the host refused it as busy ({@link HostException#isBusy()}): such
 * collisions (another server's volume being built, a guest's state change lock held, a firewall
 * change racing another) pass within seconds, and a refused call did nothing, so it may simply be
 * repeated. The one place that rule and its log line live, for operation steps and guest starts.
 */
public final class BusyHost {

    private static final Logger log = LoggerFactory.getLogger(BusyHost.class);

    private BusyHost() {
    }

    /**
     * Runs {@code call}; while the host refuses it as busy, runs it again after
     * {@code pause.apply(attempt)}, making at most {@code attempts} attempts in all. Any other
     * failure, and the last refusal, are thrown.
     */
    public static void retry(String what, int attempts, IntFunction<Duration> pause, Runnable call) {
        for (int attempt = 1; ; attempt++) {
            try {
                call.run();
                return;
            } catch (HostException e) {
                if (!e.isBusy() || attempt >= attempts) {
                    throw e;
                }
                Duration wait = pause.apply(attempt);
                log.info("{} met a busy host ({}); trying again in {} ms", what, e.detail(), wait.toMillis());
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
