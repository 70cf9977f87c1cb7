package com.virtpanel.base;

/** The host cannot take the request (memory, disk or addresses are used up). */
public class CapacityException extends PanelException {

    public CapacityException(String userMessage) {
        super(userMessage);
    }

    public CapacityException(String userMessage, Throwable cause) {
        super(userMessage, cause);
    }

    public CapacityException(UserMessage message) {
        super(message);
    }

    public CapacityException(UserMessage message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Kind kind() {
        return Kind.CAPACITY;
    }
}
