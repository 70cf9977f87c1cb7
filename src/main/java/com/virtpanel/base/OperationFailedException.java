package com.virtpanel.base;

/** The operation was attempted and failed; the message says what the customer can do. */
public class OperationFailedException extends PanelException {

    public OperationFailedException(String userMessage) {
        super(userMessage);
    }

    public OperationFailedException(String userMessage, Throwable cause) {
        super(userMessage, cause);
    }

    public OperationFailedException(UserMessage message) {
        super(message);
    }

    public OperationFailedException(UserMessage message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Kind kind() {
        return Kind.FAILED;
    }
}
