package com.virtpanel.base;

/** Bad input, with the name of the field at fault so forms and the API can point at it. */
public class InvalidInputException extends PanelException {

    private final String field;

    public InvalidInputException(String field, String userMessage) {
        super(userMessage);
        this.field = field;
    }

    public InvalidInputException(String field, UserMessage message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    @Override
    public Kind kind() {
        return Kind.INVALID;
    }
}
