package com.virtpanel.base;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link UserMessage} kept in a database column, so a text stored once (why an operation
 * failed) is read later in whichever language the reader has: {@code {"key":…,"args":[…]}},
 * where an argument is a string, a number or a nested message.
 */
public final class StoredMessages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredMessages() {
    }

    public static String write(UserMessage message) {
        return node(message).toString();
    }

    /** The message written by {@link #write}; null for null. */
    public static UserMessage read(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return message(JSON.readTree(stored));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            return UserMessage.literal(stored); // not ours: show it as it is rather than nothing
        }
    }

    private static ObjectNode node(UserMessage message) {
        ObjectNode node = JSON.createObjectNode().put("key", message.key());
        ArrayNode args = node.putArray("args");
        for (Object arg : message.args()) {
            if (arg instanceof UserMessage nested) {
                args.addObject().set("m", node(nested));
            } else if (arg instanceof Long || arg instanceof Integer || arg instanceof Short) {
                args.addObject().put("i", ((Number) arg).longValue());
            } else if (arg instanceof Number n) {
                args.addObject().put("d", n.doubleValue());
            } else {
                args.addObject().put("s", arg instanceof Translatable t ? t.in(Messages.ENGLISH) : String.valueOf(arg));
            }
        }
        return node;
    }

    private static UserMessage message(JsonNode node) {
        List<Object> args = new ArrayList<>();
        for (JsonNode arg : node.path("args")) {
            if (arg.has("m")) {
                args.add(message(arg.get("m")));
            } else if (arg.has("i")) {
                args.add(arg.get("i").asLong());
            } else if (arg.has("d")) {
                args.add(arg.get("d").asDouble());
            } else {
                args.add(arg.path("s").asText());
            }
        }
        return new UserMessage(node.get("key").asText(), args.toArray());
    }
}
