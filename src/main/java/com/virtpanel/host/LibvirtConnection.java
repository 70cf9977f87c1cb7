package com.virtpanel.host;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.libvirt.Library;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The panel's one connection to libvirtd, and the only way to use it.
 *
 * <p>Every call runs on a worker thread and the caller waits at most the call timeout: a hung
 * libvirtd costs a worker, never a page or a job. The worker pool is bounded, so when libvirtd
 * hangs for long the pool fills and callers are refused at once. Keepalive (driven by libvirt's
 * event loop, which runs on its own thread) notices a dead daemon, the close callback drops the
 * connection, and the next call opens a fresh one: a libvirtd restart needs no panel restart.
 */
@Component
class LibvirtConnection implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LibvirtConnection.class);
    private static final int MAX_WORKERS = 48;
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private static final String SHUTTING_DOWN = "this panel is shutting down";

    private final HostProperties.Libvirt settings;
    private final Clock clock;
    private final LibvirtMetrics metrics;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService janitor = Executors.newSingleThreadScheduledExecutor(daemon("libvirt-janitor"));
    private final Object openLock = new Object();
    private final AtomicReference<NativeConnect> current = new AtomicReference<>();
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(daemon("libvirt-probe"));
    /** Optimistic until the first probe or call says otherwise: a panel that just started has no reason to warn. */
    private final AtomicReference<Health> health = new AtomicReference<>(new Health(true, "not checked yet", null));
    private final AtomicInteger opened = new AtomicInteger();
    private volatile Consumer<NativeConnect> onOpen = c -> { };
    /** libvirt's event loop is process-wide: one thread serves every connection in this JVM. */
    private static Thread eventLoop;

    LibvirtConnection(HostProperties properties, Clock clock, MeterRegistry meters) {
        this.settings = properties.libvirt();
        this.clock = clock;
        this.metrics = new LibvirtMetrics(meters);
        this.workers = new ThreadPoolExecutor(0, MAX_WORKERS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemon("libvirt-call"));
        long every = settings.probeInterval().toMillis();
        if (every > 0) {
            prober.scheduleWithFixedDelay(this::probe, 0, every, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Keeps the health state true when nobody else calls libvirt (an idle panel would otherwise
     * show a stale banner), and re-opens the connection after a libvirtd restart so that guest
     * lifecycle events flow again without waiting for the next user action.
     */
    void probe() {
        Duration timeout = settings.callTimeout().compareTo(PROBE_TIMEOUT) < 0 ? settings.callTimeout() : PROBE_TIMEOUT;
        try {
            call("check the host", timeout, c -> c.getLibVirVersion());
        } catch (HostException expected) {
            // call() has recorded the failure in the health state
        } catch (RuntimeException e) {
            log.warn("libvirt probe failed: {}", e.toString());
        }
    }

    /** Runs a call with the configured timeout. */
    <T> T call(String operation, LibvirtCall<T> call) {
        return call(operation, settings.callTimeout(), call);
    }

    /** Work on one guest, looked up by name; its handle is freed afterwards. */
    @FunctionalInterface
    interface DomainCall<T> {
        T apply(org.libvirt.Domain domain) throws org.libvirt.LibvirtException;
    }

    /** Runs {@code action} on the guest named, with the configured timeout. */
    <T> T onDomain(String operation, String name, DomainCall<T> action) {
        return onDomain(operation, name, settings.callTimeout(), action);
    }

    <T> T onDomain(String operation, String name, Duration timeout, DomainCall<T> action) {
        return call(operation, timeout, c -> {
            org.libvirt.Domain d = c.domainLookupByName(name);
            try {
                return action.apply(d);
            } finally {
                d.free();
            }
        });
    }

    /** Runs a call, waiting at most {@code timeout}; failures arrive translated. */
    <T> T call(String operation, Duration timeout, LibvirtCall<T> call) {
        long started = System.nanoTime();
        RuntimeException failure = null;
        try {
            return callTranslated(operation, timeout, call);
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            metrics.record(operation, failure, System.nanoTime() - started);
        }
    }

    private <T> T callTranslated(String operation, Duration timeout, LibvirtCall<T> call) {
        Future<T> future;
        try {
            future = workers.submit(() -> call.apply(connection()));
        } catch (RejectedExecutionException saturated) {
            if (workers.isShutdown()) {
                // a late caller (a libvirt event relayed after this panel closed), not a hung libvirtd
                throw HostException.unreachable(SHUTTING_DOWN, saturated);
            }
            throw unreachable(operation, "all " + MAX_WORKERS + " libvirt workers are busy (libvirtd hung?)", saturated);
        }
        try {
            T result = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            markUp();
            return result;
        } catch (TimeoutException hung) {
            future.cancel(true);
            // The daemon did not answer in time: assume the connection is unusable and start
            // afresh on the next call. The stuck worker finishes (or dies) on its own.
            discard("no answer within " + timeout.toSeconds() + " s");
            throw unreachable(operation, "timed out after " + timeout.toMillis() + " ms", hung);
        } catch (InterruptedException interrupted) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw unreachable(operation, "interrupted", interrupted);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof LibvirtException libvirt) {
                HostException translated = LibvirtErrors.translate(operation, libvirt);
                if (LibvirtErrors.isConnectionLost(libvirt)) {
                    discard(libvirt.getMessage());
                } else {
                    markUp();
                }
                throw translated;
            }
            if (cause instanceof HostException host) {
                throw host;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }

    /**
     * Registers work to do on every fresh connection (event listeners, for example), and does it
     * on the connection already open, if any: the health probe opens one as soon as this bean
     * exists, before the beans that register here are built. That catch-up runs on a worker,
     * so a libvirtd that hangs right then holds up neither the caller nor other calls.
     */
    void onOpen(Consumer<NativeConnect> action) {
        NativeConnect live;
        synchronized (openLock) {
            this.onOpen = this.onOpen.andThen(action);
            live = current.get(); // opened without this action; a later connection gets it from onOpen
        }
        if (live == null) {
            return;
        }
        try {
            workers.execute(() -> {
                try {
                    action.accept(live);
                } catch (RuntimeException e) {
                    log.warn("Setting up the open libvirt connection failed: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException saturated) {
            log.warn("Could not set up the open libvirt connection: all workers busy; the next connection gets it");
        }
    }

    Health health() {
        return health.get();
    }

    String uri() {
        return settings.uri();
    }

    /** How many connections were opened so far: 1 plus the number of re-opens. */
    int opened() {
        return opened.get();
    }

    private NativeConnect connection() throws LibvirtException {
        NativeConnect live = current.get();
        if (live != null && isAlive(live)) {
            return live;
        }
        synchronized (openLock) {
            live = current.get();
            if (live != null && isAlive(live)) {
                return live;
            }
            if (workers.isShutdown()) {
                // a call already on a worker when the panel closed would open a connection nobody closes
                throw HostException.unreachable(SHUTTING_DOWN, null);
            }
            if (live != null) {
                discard("connection closed");
            }
            startEventLoop();
            LibvirtNative.init();
            log.info("Opening libvirt connection to {}", settings.uri());
            NativeConnect fresh = new NativeConnect(settings.uri());
            fresh.setKeepAlive(settings.keepaliveInterval(), settings.keepaliveCount());
            fresh.registerCloseListener((conn, reason) -> {
                log.warn("libvirt closed the connection ({})", reason);
                discard("closed by libvirt: " + reason);
            });
            current.set(fresh);
            opened.incrementAndGet();
            try {
                onOpen.accept(fresh);
            } catch (RuntimeException e) {
                log.warn("Setting up the new libvirt connection failed: {}", e.toString());
            }
            return fresh;
        }
    }

    private static boolean isAlive(NativeConnect connection) {
        try {
            return connection.isAlive();
        } catch (LibvirtException e) {
            return false;
        }
    }

    /** Drops the current connection; it is closed later, once calls still using it are over. */
    private void discard(String why) {
        NativeConnect dead = current.getAndSet(null);
        health.set(new Health(false, why, clock.instant()));
        if (dead != null) {
            log.warn("Dropping libvirt connection: {}", why);
            janitor.schedule(() -> closeQuietly(dead), 2L * settings.callTimeout().toSeconds() + 5, TimeUnit.SECONDS);
        }
    }

    private void markUp() {
        Health now = health.get();
        if (!now.up() || now.since() == null) {
            if (!now.up()) {
                log.info("libvirt is reachable again");
            }
            health.set(new Health(true, "connected", clock.instant()));
        }
    }

    private static void closeQuietly(NativeConnect connection) {
        connection.shutDown();
    }

    /**
     * libvirt's default event loop must run for keepalive and domain events. It is
     * process-wide, so it is started once, before the first connection.
     */
    private static synchronized void startEventLoop() throws LibvirtException {
        if (eventLoop != null) {
            return;
        }
        Library.initEventLoop();
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Library.processEvent();
                } catch (LibvirtException e) {
                    log.debug("libvirt event loop: {}", e.toString());
                }
            }
        }, "libvirt-events");
        thread.setDaemon(true);
        thread.start();
        eventLoop = thread;
    }

    private HostException unreachable(String operation, String detail, Throwable cause) {
        log.warn("libvirt call '{}' failed: {}", operation, detail);
        health.set(new Health(false, detail, clock.instant()));
        return HostException.unreachable(detail, cause);
    }

    @Override
    public void destroy() {
        prober.shutdownNow();
        workers.shutdownNow(); // from here on connection() opens nothing
        janitor.shutdownNow();
        NativeConnect live;
        synchronized (openLock) { // after an open already under way, whose connection is closed here
            live = current.getAndSet(null);
        }
        if (live != null) {
            closeQuietly(live);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Whether the last call reached libvirtd, why not, and since when. */
    record Health(boolean up, String detail, Instant since) {
    }
}
