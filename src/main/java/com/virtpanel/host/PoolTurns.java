package com.virtpanel.host;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.PanelException.Kind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The calls that change a storage pool take turns, first come first served. One turn per pool
 * directory for the whole JVM: several panel contexts (a restart in place, the tests) may share
 * a pool, and libvirt cannot build two volumes and refresh at once. Other processes on the same
 * pool are rare; what they still collide with is a transient error the caller retries.
 */
final class PoolTurns {

    private static final ConcurrentMap<Path, PoolTurns> BY_POOL = new ConcurrentHashMap<>();

    private final ReentrantLock lock = new ReentrantLock(true);
    private final Duration patience;

    private PoolTurns(Duration patience) {
        this.patience = patience;
    }

    static PoolTurns of(Path poolDir, Duration patience) {
        return BY_POOL.computeIfAbsent(poolDir.toAbsolutePath().normalize(), p -> new PoolTurns(patience));
    }

    /** Runs {@code work} in this pool's turn, waiting at most the patience for it. */
    void take(String operation, Runnable work) {
        try {
            if (!lock.tryLock(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new HostException(Kind.CONFLICT, UserMessage.of("error.host.busy"),
                        operation + ": the storage pool stayed busy for " + patience.toSeconds() + " s", null, true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw HostException.unreachable(operation + " interrupted while waiting for the storage pool", e);
        }
        try {
            work.run();
        } finally {
            lock.unlock();
        }
    }
}
