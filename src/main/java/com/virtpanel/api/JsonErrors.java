package com.virtpanel.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.virtpanel.base.Messages;
import com.virtpanel.base.UserMessage;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Says in plain words what is wrong with a request body Jackson refused, naming the field
 * (in the API's snake_case spelling, e.g. {@code ssh_keys[1]}) and never echoing the input.
 */
final class JsonErrors {

    /** What went wrong, and where; {@code field} is null when the whole body is at fault. */
    record Finding(String field, String detail) {
    }

    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '([^']*)'");

    private JsonErrors() {
    }

        /** The finding in English, the API's default language. */
    static Finding describe(Throwable failure) {
        return describe(failure, Messages.ENGLISH);
    }

    static Finding describe(Throwable failure, Locale language) {
        Found found = find(failure);
        return new Finding(found.field(), found.detail().in(language));
    }

    private record Found(String field, UserMessage detail) {
    }

    private static Found find(Throwable failure) {
        UnrecognizedPropertyException unknown = find(failure, UnrecognizedPropertyException.class);
        if (unknown != null) {
            String known = unknown.getKnownPropertyIds() == null ? ""
                    : String.join(", ", unknown.getKnownPropertyIds().stream().map(String::valueOf)
                            .collect(Collectors.toCollection(TreeSet::new)));
            return known.isEmpty()
                    ? new Found(path(unknown), UserMessage.of("error.api.json.unknown-field", shorten(unknown.getPropertyName())))
                    : new Found(path(unknown), UserMessage.of("error.api.json.unknown-field-known", shorten(unknown.getPropertyName()), known));
        }
        if (find(failure, StreamConstraintsException.class) != null) {
            return new Found(null, UserMessage.of("error.api.json.too-deep"));
        }
        MismatchedInputException mismatch = find(failure, MismatchedInputException.class);
        if (mismatch != null) {
            String field = path(mismatch);
            UserMessage expected = expected(mismatch.getTargetType());
            if (field == null) {
                return new Found(null, UserMessage.of("error.api.json.body-must-be", expected));
            }
            return new Found(field, UserMessage.of("error.api.json.field-must-be", field, expected));
        }
        JsonMappingException mapping = find(failure, JsonMappingException.class);
        if (mapping != null) {
            String field = path(mapping);
            return new Found(field, field == null ? UserMessage.of("error.api.json.wrong-shape")
                    : UserMessage.of("error.api.json.wrong-type", field));
        }
        JsonProcessingException syntax = find(failure, JsonParseException.class);
        if (syntax == null) {
            syntax = find(failure, JsonProcessingException.class);
        }
        if (syntax != null) {
            String message = syntax.getOriginalMessage() == null ? "" : syntax.getOriginalMessage();
            var duplicate = DUPLICATE.matcher(message);
            if (duplicate.find()) {
                String field = shorten(duplicate.group(1));
                return new Found(field, UserMessage.of("error.api.json.duplicate", field));
            }
            var at = syntax.getLocation();
            return new Found(null, at == null ? UserMessage.of("error.api.json.not-json")
                    : UserMessage.of("error.api.json.not-json-at", at.getLineNr(), at.getColumnNr()));
        }
        return new Found(null, UserMessage.of("error.api.json.object-required"));
    }

    private static String path(DatabindException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(shorten(ref.getFieldName()));
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static UserMessage expected(Class<?> type) {
        if (type == null) {
            return UserMessage.of("error.api.json.expected.other");
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return UserMessage.of("error.api.json.expected.string");
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return UserMessage.of("error.api.json.expected.array");
        }
        if (type == Boolean.class || type == boolean.class) {
            return UserMessage.of("error.api.json.expected.boolean");
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return UserMessage.of("error.api.json.expected.integer");
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return UserMessage.of("error.api.json.expected.number");
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return UserMessage.of("error.api.json.expected.object");
        }
        return UserMessage.of("error.api.json.expected.other");
    }

    private static String shorten(String s) {
        if (s == null) {
            return "";
        }
        String printable = s.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }

    static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
