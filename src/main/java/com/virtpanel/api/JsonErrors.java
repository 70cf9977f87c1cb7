package com.virtpanel.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Collection;
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

    static Finding describe(Throwable failure) {
        UnrecognizedPropertyException unknown = find(failure, UnrecognizedPropertyException.class);
        if (unknown != null) {
            String known = unknown.getKnownPropertyIds() == null ? ""
                    : String.join(", ", unknown.getKnownPropertyIds().stream().map(String::valueOf)
                            .collect(Collectors.toCollection(TreeSet::new)));
            return new Finding(path(unknown), "Unknown field \"" + shorten(unknown.getPropertyName()) + "\"."
                    + (known.isEmpty() ? "" : " Known fields: " + known + "."));
        }
        if (find(failure, StreamConstraintsException.class) != null) {
            return new Finding(null, "The body is nested too deeply or has a value that is too long.");
        }
        MismatchedInputException mismatch = find(failure, MismatchedInputException.class);
        if (mismatch != null) {
            String field = path(mismatch);
            String expected = expected(mismatch.getTargetType());
            if (field == null) {
                return new Finding(null, "The body must be " + expected + ".");
            }
            return new Finding(field, "The field \"" + field + "\" must be " + expected + ".");
        }
        JsonMappingException mapping = find(failure, JsonMappingException.class);
        if (mapping != null) {
            String field = path(mapping);
            return new Finding(field, field == null ? "The body does not have the expected shape."
                    : "The field \"" + field + "\" has a value of the wrong type.");
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
                return new Finding(field, "The field \"" + field + "\" appears more than once.");
            }
            var at = syntax.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            return new Finding(null, "The body is not valid JSON" + where + ".");
        }
        return new Finding(null, "A JSON object is required as the request body.");
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

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a JSON object";
        }
        return "of another type";
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
