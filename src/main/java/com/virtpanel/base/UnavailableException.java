package com.virtpanel.base;

/** A dependency (usually the hypervisor) does not answer; the request can be retried. */
public class UnavailableException extends PanelException {

    public UnavailableException(String userMessage) {
        super(userMessage);
    }

    public UnavailableException(String userMessage, Throwable cause) {
        super(userMessage, cause);
    }

    @Override
    public Kind kind() {
        return Kind.UNAVAILABLE;
    }
}
