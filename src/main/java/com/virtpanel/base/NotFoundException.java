package com.virtpanel.base;

/** Something that does not exist, or that the caller may not see (we never tell which). */
public class NotFoundException extends PanelException {

    public NotFoundException(String userMessage) {
        super(userMessage);
    }

    public NotFoundException(String userMessage, Throwable cause) {
        super(userMessage, cause);
    }

    public NotFoundException(UserMessage message) {
        super(message);
    }

    public NotFoundException(UserMessage message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Kind kind() {
        return Kind.NOT_FOUND;
    }
}
