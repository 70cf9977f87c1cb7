package com.virtpanel.base;

/** The request clashes with the current state (name taken, server busy, already running). */
public class ConflictException extends PanelException {

    public ConflictException(String userMessage) {
        super(userMessage);
    }

    public ConflictException(String userMessage, Throwable cause) {
        super(userMessage, cause);
    }

    public ConflictException(UserMessage message) {
        super(message);
    }

    public ConflictException(UserMessage message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Kind kind() {
        return Kind.CONFLICT;
    }
}
