package com.virtpanel.base;

/** A dependency (usually the hypervisor) does not answer; the request can be retried. */
public class UnavailableException extends PanelException {

    public UnavailableException(String userMessage) {
        super(userMessage);
    }

    public UnavailableException(String userMessage, Throwable cause) {
        super(userMessage, cause);
    }

    public UnavailableException(UserMessage message) {
        super(message);
    }

    public UnavailableException(UserMessage message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Kind kind() {
        return Kind.UNAVAILABLE;
    }
}
