package com.virtpanel.host;

import com.sun.jna.Pointer;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.event.LifecycleListener;

/**
 * A libvirt-java connection that also hands its raw virConnectPtr to our JNA bindings for
 * the calls libvirt-java 0.5.2 lacks (bulk stats, block I/O tune, interface parameters), and
 * that closes without leaving libvirt holding callbacks into freed memory.
 */
final class NativeConnect extends Connect {

    /**
     * libvirt keeps a native connection alive after {@code virConnectClose} while guests or
     * event registrations still reference it, and may still call the JNA callbacks this object
     * owns. Were it garbage collected, those calls would jump into freed trampolines and abort
     * the JVM. Connections are few (one per panel plus one per libvirtd restart), so every one
     * ever opened stays reachable. (A queue, not a set: libvirt-java's equals and hashCode ask
     * the daemon, and fail on a closed connection.)
     */
    private static final Queue<NativeConnect> EVER_OPENED = new ConcurrentLinkedQueue<>();

    private final List<LifecycleListener> lifecycleListeners = new CopyOnWriteArrayList<>();

    NativeConnect(String uri) throws LibvirtException {
        super(uri, null, 0);
        EVER_OPENED.add(this);
    }

    Pointer pointer() {
        return vcp.getPointer();
    }

    @Override
    public void addLifecycleListener(LifecycleListener listener) throws LibvirtException {
        super.addLifecycleListener(listener);
        lifecycleListeners.add(listener);
    }

    /** Unsubscribes every callback first, so that libvirt has nothing of ours left to call, then closes. */
    void shutDown() {
        for (LifecycleListener listener : lifecycleListeners) {
            try {
                removeLifecycleListener(listener);
            } catch (LibvirtException | RuntimeException ignored) {
                // a dead connection has no subscriptions left to remove
            }
        }
        lifecycleListeners.clear();
        try {
            unregisterCloseListener();
        } catch (LibvirtException | RuntimeException ignored) {
            // same: nothing to unregister on a dead connection
        }
        try {
            close();
        } catch (LibvirtException | RuntimeException ignored) {
            // the daemon is gone or the connection was already closed
        }
    }
}
