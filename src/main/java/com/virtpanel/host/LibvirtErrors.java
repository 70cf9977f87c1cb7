package com.virtpanel.host;

import com.virtpanel.base.UserMessage;

import com.virtpanel.base.PanelException.Kind;
import java.util.Locale;
import org.libvirt.Error;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libvirt's errors are written for libvirt developers ("Requested operation is not valid:
 * domain is not running"). This maps each code we can meet, sometimes refined by the text,
 * to a sentence a customer understands, and logs the original.
 */
final class LibvirtErrors {

    private static final Logger log = LoggerFactory.getLogger(LibvirtErrors.class);

    private LibvirtErrors() {
    }

    static HostException translate(String operation, LibvirtException e) {
        return translate(operation, code(e), e.getMessage(), e);
    }

    /** The same for an error known by its code and libvirt's text. */
    static HostException translate(String operation, ErrorNumber code, String message, Throwable cause) {
        String original = message == null ? "" : message;
        String text = original.toLowerCase(Locale.ROOT);
        Translation t = translate(code, text);
        log.warn("libvirt: '{}' failed with {}: {}", operation, code, original);
        return new HostException(t.kind(), t.message(), code + ": " + original, cause, t.transientFailure());
    }

    static boolean isConnectionLost(LibvirtException e) {
        ErrorNumber code = code(e);
        String text = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return switch (code) {
            case VIR_ERR_NO_CONNECT, VIR_ERR_INVALID_CONN, VIR_ERR_RPC -> true;
            case VIR_ERR_SYSTEM_ERROR, VIR_ERR_INTERNAL_ERROR -> lostConnectionText(text);
            default -> false;
        };
    }

    private static Translation translate(ErrorNumber code, String text) {
        if (text.contains("no space left on device") || text.contains("disk quota exceeded")) {
            return new Translation(Kind.CAPACITY, UserMessage.of("error.host.host-s-storage-full-contact"));
        }
        if (code == ErrorNumber.VIR_ERR_NO_MEMORY || text.contains("cannot allocate memory")
                || text.contains("out of memory") || text.contains("cannot set up guest memory")) {
            return new Translation(Kind.CAPACITY, UserMessage.of("error.host.host-out-memory-right-now"));
        }
        if (lostConnectionText(text)) {
            return unreachable();
        }
        if (busyText(text)) {
            return busy();
        }
        return switch (code) {
            // A system error is often local to one guest (a file it cannot open): only the texts
            // that mean "lost the daemon" (checked above) make it an unreachable host.
            case VIR_ERR_NO_CONNECT, VIR_ERR_INVALID_CONN, VIR_ERR_RPC -> unreachable();
            case VIR_ERR_NO_DOMAIN, VIR_ERR_INVALID_DOMAIN ->
                    new Translation(Kind.NOT_FOUND, UserMessage.of("error.host.server-s-virtual-machine-does"));
            case VIR_ERR_NO_STORAGE_VOL, VIR_ERR_INVALID_STORAGE_VOL ->
                    new Translation(Kind.NOT_FOUND, UserMessage.of("error.host.server-s-disk-was-not"));
            case VIR_ERR_NO_STORAGE_POOL, VIR_ERR_INVALID_STORAGE_POOL ->
                    new Translation(Kind.FAILED, UserMessage.of("error.host.host-s-storage-not-set"));
            case VIR_ERR_NO_NETWORK, VIR_ERR_INVALID_NETWORK ->
                    new Translation(Kind.FAILED, UserMessage.of("error.host.host-s-network-not-set"));
            case VIR_ERR_OPERATION_INVALID -> invalidState(text);
            case VIR_ERR_OPERATION_TIMEOUT -> busy();
            case VIR_ERR_DOM_EXIST, VIR_ERR_NETWORK_EXIST ->
                    new Translation(Kind.CONFLICT, UserMessage.of("error.host.already-exists-host"));
            case VIR_ERR_AUTH_FAILED, VIR_ERR_AUTH_CANCELLED, VIR_ERR_OPERATION_DENIED ->
                    new Translation(Kind.FAILED, UserMessage.of("error.host.panel-not-allowed-manage-host"));
            case VIR_ERR_CONFIG_UNSUPPORTED, VIR_ERR_NO_SUPPORT, VIR_ERR_ARGUMENT_UNSUPPORTED ->
                    new Translation(Kind.FAILED, UserMessage.of("error.host.host-does-not-support-server"));
            case VIR_ERR_XML_ERROR, VIR_ERR_XML_DETAIL, VIR_ERR_INVALID_ARG ->
                    new Translation(Kind.FAILED, UserMessage.of("error.host.panel-sent-host-request-could"));
            case VIR_ERR_OPERATION_ABORTED -> new Translation(Kind.FAILED, UserMessage.of("error.host.operation-was-cancelled-host"));
            default -> defaultTranslation(text);
        };
    }

    private static Translation invalidState(String text) {
        if (text.contains("already running") || text.contains("already active") || text.contains("is running")) {
            return new Translation(Kind.CONFLICT, UserMessage.of("error.host.server-already-running"));
        }
        if (text.contains("not running") || text.contains("not active") || text.contains("is not started")) {
            return new Translation(Kind.CONFLICT, UserMessage.of("error.host.server-not-running"));
        }
        if (text.contains("paused")) {
            return new Translation(Kind.CONFLICT, UserMessage.of("error.host.server-paused"));
        }
        return new Translation(Kind.CONFLICT, UserMessage.of("error.host.server-s-state-does-not"));
    }

    private static Translation defaultTranslation(String text) {
        if (text.contains("cannot access storage file") || text.contains("no such file or directory")) {
            return new Translation(Kind.FAILED, UserMessage.of("error.host.file-server-needs-missing-host"));
        }
        if (text.contains("permission denied")) {
            return new Translation(Kind.FAILED, UserMessage.of("error.host.host-refused-access-server-s"));
        }
        if (text.contains("access denied")) {
            return new Translation(Kind.FAILED, UserMessage.of("error.host.panel-not-allowed-manage-host"));
        }
        if (text.contains("already exists")) {
            return new Translation(Kind.CONFLICT, UserMessage.of("error.host.already-exists-host"));
        }
        if (text.contains("guest agent")) {
            return new Translation(Kind.FAILED, UserMessage.of("error.host.server-s-guest-agent-does"));
        }
        if (text.contains("domain not found")) {
            return new Translation(Kind.NOT_FOUND, UserMessage.of("error.host.server-s-virtual-machine-does"));
        }
        return new Translation(Kind.FAILED, UserMessage.of("error.host.host-could-not-complete-operation"));
    }

    /**
     * Work that collides with other work in progress and goes through a moment later: a storage
     * pool building another server's disk ("pool 'x' has asynchronous jobs running", "volume is
     * still being allocated"), a guest whose state change lock another call holds, the host's
     * packet filter changed by someone else while libvirt writes a starting guest's rules, a
     * display port taken by another program just as QEMU binds it.
     */
    private static boolean busyText(String text) {
        return text.contains("asynchronous jobs running") || text.contains("still being allocated")
                // nwfilter's ebtables (nf_tables backend) losing a race with another nft transaction
                // while it builds a starting guest's chains: the same start goes through again
                || text.contains("failed to apply firewall rules")
                || text.contains("state change lock") || text.contains("resource busy")
                || text.contains("another job") || text.contains("job is already active")
                // QEMU losing a display port to another program between libvirt's check and its bind
                || text.contains("failed to find an available port")
                || diedSilently(text);
    }

    /**
     * A starting QEMU that exited without a word: libvirt appends whatever QEMU printed (a disk it
     * cannot open, an option it refuses), so a bare message means a signal ended it, not its
     * configuration. Seen on a loaded host, once in a day of test runs; libvirt cleans up the
     * failed start, so the start may simply be made again.
     */
    private static boolean diedSilently(String text) {
        String trimmed = text.strip();
        return trimmed.endsWith("process exited while connecting to monitor")
                || trimmed.endsWith("qemu unexpectedly closed the monitor");
    }

    private static Translation busy() {
        return new Translation(Kind.CONFLICT, UserMessage.of("error.host.busy"), true);
    }

    private static boolean lostConnectionText(String text) {
        return text.contains("client socket is closed") || text.contains("connection closed")
                || text.contains("end of file while reading") || text.contains("failed to connect socket")
                || text.contains("connection refused") || text.contains("cannot recv data")
                || text.contains("cannot write data") || text.contains("broken pipe")
                || text.contains("no connection driver") || text.contains("keepalive");
    }

    private static Translation unreachable() {
        return new Translation(Kind.UNAVAILABLE, UserMessage.of("error.host.unreachable"), true);
    }

    private static ErrorNumber code(LibvirtException e) {
        Error error = e.getError();
        return error == null || error.getCode() == null ? ErrorNumber.VIR_ERR_UNKNOWN : error.getCode();
    }

    private record Translation(Kind kind, UserMessage message, boolean transientFailure) {

        Translation(Kind kind, UserMessage message) {
            this(kind, message, false);
        }
    }
}
