package com.virtpanel.host;

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
        ErrorNumber code = code(e);
        String original = e.getMessage() == null ? "" : e.getMessage();
        String text = original.toLowerCase(Locale.ROOT);
        Translation t = translate(code, text);
        log.warn("libvirt: '{}' failed with {}: {}", operation, code, original);
        return new HostException(t.kind(), t.message(), code + ": " + original, e);
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
            return new Translation(Kind.CAPACITY, "The host's storage is full. Please contact support.");
        }
        if (code == ErrorNumber.VIR_ERR_NO_MEMORY || text.contains("cannot allocate memory")
                || text.contains("out of memory") || text.contains("cannot set up guest memory")) {
            return new Translation(Kind.CAPACITY, "The host is out of memory right now. Please try again later or contact support.");
        }
        if (lostConnectionText(text)) {
            return unreachable();
        }
        return switch (code) {
            case VIR_ERR_NO_CONNECT, VIR_ERR_INVALID_CONN, VIR_ERR_RPC -> unreachable();
            case VIR_ERR_NO_DOMAIN, VIR_ERR_INVALID_DOMAIN ->
                    new Translation(Kind.NOT_FOUND, "The server's virtual machine does not exist on the host.");
            case VIR_ERR_NO_STORAGE_VOL, VIR_ERR_INVALID_STORAGE_VOL ->
                    new Translation(Kind.NOT_FOUND, "The server's disk was not found on the host.");
            case VIR_ERR_NO_STORAGE_POOL, VIR_ERR_INVALID_STORAGE_POOL ->
                    new Translation(Kind.FAILED, "The host's storage is not set up. Please contact support.");
            case VIR_ERR_NO_NETWORK, VIR_ERR_INVALID_NETWORK ->
                    new Translation(Kind.FAILED, "The host's network is not set up. Please contact support.");
            case VIR_ERR_OPERATION_INVALID -> invalidState(text);
            case VIR_ERR_OPERATION_TIMEOUT -> new Translation(Kind.CONFLICT,
                    "The host is still busy with this server. Please try again in a minute.");
            case VIR_ERR_DOM_EXIST, VIR_ERR_NETWORK_EXIST ->
                    new Translation(Kind.CONFLICT, "This already exists on the host.");
            case VIR_ERR_AUTH_FAILED, VIR_ERR_AUTH_CANCELLED, VIR_ERR_OPERATION_DENIED ->
                    new Translation(Kind.FAILED, "The panel is not allowed to manage this host. Please contact support.");
            case VIR_ERR_CONFIG_UNSUPPORTED, VIR_ERR_NO_SUPPORT, VIR_ERR_ARGUMENT_UNSUPPORTED ->
                    new Translation(Kind.FAILED, "The host does not support this server's configuration. Please contact support.");
            case VIR_ERR_XML_ERROR, VIR_ERR_XML_DETAIL, VIR_ERR_INVALID_ARG ->
                    new Translation(Kind.FAILED, "The panel sent the host a request it could not read. This has been logged for us to fix.");
            case VIR_ERR_OPERATION_ABORTED -> new Translation(Kind.FAILED, "The operation was cancelled on the host.");
            default -> defaultTranslation(text);
        };
    }

    private static Translation invalidState(String text) {
        if (text.contains("already running") || text.contains("already active") || text.contains("is running")) {
            return new Translation(Kind.CONFLICT, "The server is already running.");
        }
        if (text.contains("not running") || text.contains("not active") || text.contains("is not started")) {
            return new Translation(Kind.CONFLICT, "The server is not running.");
        }
        if (text.contains("paused")) {
            return new Translation(Kind.CONFLICT, "The server is paused.");
        }
        return new Translation(Kind.CONFLICT, "The server's state does not allow this right now. Please wait a moment and try again.");
    }

    private static Translation defaultTranslation(String text) {
        if (text.contains("cannot access storage file") || text.contains("no such file or directory")) {
            return new Translation(Kind.FAILED, "A file the server needs is missing on the host. Please contact support.");
        }
        if (text.contains("permission denied")) {
            return new Translation(Kind.FAILED, "The host refused access to the server's files. Please contact support.");
        }
        if (text.contains("state change lock") || text.contains("resource busy") || text.contains("device or resource busy")) {
            return new Translation(Kind.CONFLICT, "The host is still busy with this server. Please try again in a minute.");
        }
        if (text.contains("guest agent")) {
            return new Translation(Kind.FAILED, "The server's guest agent does not answer.");
        }
        if (text.contains("domain not found")) {
            return new Translation(Kind.NOT_FOUND, "The server's virtual machine does not exist on the host.");
        }
        return new Translation(Kind.FAILED, "The host could not complete the operation. It has been logged; please try again or contact support.");
    }

    private static boolean lostConnectionText(String text) {
        return text.contains("client socket is closed") || text.contains("connection closed")
                || text.contains("end of file while reading") || text.contains("failed to connect socket")
                || text.contains("connection refused") || text.contains("cannot recv data")
                || text.contains("cannot write data") || text.contains("broken pipe")
                || text.contains("no connection driver") || text.contains("keepalive");
    }

    private static Translation unreachable() {
        return new Translation(Kind.UNAVAILABLE, "The host is unreachable right now. Please try again in a minute.");
    }

    private static ErrorNumber code(LibvirtException e) {
        Error error = e.getError();
        return error == null || error.getCode() == null ? ErrorNumber.VIR_ERR_UNKNOWN : error.getCode();
    }

    private record Translation(Kind kind, String message) {
    }
}
