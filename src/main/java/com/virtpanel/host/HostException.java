package com.virtpanel.host;

import com.virtpanel.base.PanelException;
import com.virtpanel.base.UserMessage;

/**
 * A failure at the hypervisor, already translated: {@link #getMessage()} is for customers,
 * the libvirt original went to the log (and stays available as {@link #detail()} for operators).
 */
public class HostException extends PanelException {

    private final Kind kind;
    private final String detail;
    private final boolean transientFailure;

    HostException(Kind kind, UserMessage message, String detail, Throwable cause) {
        this(kind, message, detail, cause, kind == Kind.UNAVAILABLE);
    }

    HostException(Kind kind, UserMessage message, String detail, Throwable cause, boolean transientFailure) {
        super(message, cause);
        this.kind = kind;
        this.detail = detail;
        this.transientFailure = transientFailure;
    }

    static HostException unreachable(String detail, Throwable cause) {
        return new HostException(Kind.UNAVAILABLE,
                UserMessage.of("error.host.unreachable"), detail, cause, true);
    }

    @Override
    public Kind kind() {
        return kind;
    }

    /** libvirt's own words, for logs and the admin view; never shown to customers. */
    public String detail() {
        return detail;
    }

    /**
     * True when the same call is likely to succeed if repeated a moment later: the host was
     * busy with other work (a storage pool building another server's disk, a guest's state
     * change lock held by another call) or did not answer. Idempotent work may simply retry.
     */
    public boolean isTransient() {
        return transientFailure;
    }

    /**
     * True when the host refused the call because it was busy: transient, and not a call that
     * went unanswered (a timed-out call may still land, so it is not simply made again).
     */
    public boolean isBusy() {
        return transientFailure && kind != Kind.UNAVAILABLE;
    }
}
