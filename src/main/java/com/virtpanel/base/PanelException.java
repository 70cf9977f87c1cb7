package com.virtpanel.base;

/**
 * An error whose message is written for the person in front of the panel. Anything that is
 * not a PanelException is a bug and is shown as a generic message while the cause is logged.
 */
public abstract class PanelException extends RuntimeException {

    /** The message by key, when the thrower gave one; else the English text is all there is. */
    private final UserMessage message;

    protected PanelException(String userMessage) {
        super(userMessage);
        this.message = null;
    }

    protected PanelException(String userMessage, Throwable cause) {
        super(userMessage, cause);
        this.message = null;
    }

    protected PanelException(UserMessage message) {
        this(message, null);
    }

    protected PanelException(UserMessage message, Throwable cause) {
        super(message.english(), cause);
        this.message = message;
    }

    /** The message to show a customer, in English; never contains internals. */
    public String userMessage() {
        return getMessage();
    }

    /** The message by key; a thrower without a key gets its English text passed through. */
    public UserMessage message() {
        return message == null ? UserMessage.literal(getMessage()) : message;
    }

    /** The message to show a customer in their language (English where the thrower gave no key). */
    public String userMessage(java.util.Locale locale) {
        return message == null ? getMessage() : message.in(locale);
    }

    /** Coarse kind, used by the REST API to choose a status code. */
    public abstract Kind kind();

    public enum Kind { NOT_FOUND, INVALID, CONFLICT, FORBIDDEN, CAPACITY, UNAVAILABLE, FAILED }
}
