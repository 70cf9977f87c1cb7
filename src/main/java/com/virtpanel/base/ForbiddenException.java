package com.virtpanel.base;

/** The caller is known but may not do this (read-only impersonation, suspended account). */
public class ForbiddenException extends PanelException {

    public ForbiddenException(String userMessage) {
        super(userMessage);
    }

    public ForbiddenException(String userMessage, Throwable cause) {
        super(userMessage, cause);
    }

    public ForbiddenException(UserMessage message) {
        super(message);
    }

    public ForbiddenException(UserMessage message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Kind kind() {
        return Kind.FORBIDDEN;
    }
}
