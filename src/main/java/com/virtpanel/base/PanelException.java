package com.virtpanel.base;

/**
 * An error whose message is written for the person in front of the panel. Anything that is
 * not a PanelException is a bug and is shown as a generic message while the cause is logged.
 */
public abstract class PanelException extends RuntimeException {

    protected PanelException(String userMessage) {
        super(userMessage);
    }

    protected PanelException(String userMessage, Throwable cause) {
        super(userMessage, cause);
    }

    /** The message to show a customer; never contains internals. */
    public String userMessage() {
        return getMessage();
    }

    /** Coarse kind, used by the REST API to choose a status code. */
    public abstract Kind kind();

    public enum Kind { NOT_FOUND, INVALID, CONFLICT, FORBIDDEN, CAPACITY, UNAVAILABLE, FAILED }
}
