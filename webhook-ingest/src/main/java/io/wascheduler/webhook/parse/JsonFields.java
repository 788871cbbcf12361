package io.wascheduler.webhook.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Lenient reads of Meta's JSON: a field that is absent, null or of an unexpected kind reads as absent,
 * so that no payload shape can make the parser throw.
 */
final class JsonFields {

    private JsonFields() {
    }

    /** The field as text when it is a string or a number; null otherwise. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isString()) {
            return value.stringValue();
        }
        return value.isNumber() ? value.asString() : null;
    }

    /** The objects of an array field; nothing when the field is not an array. */
    static List<JsonNode> objects(JsonNode node, String field) {
        JsonNode array = node.path(field);
        if (!array.isArray()) {
            return List.of();
        }
        List<JsonNode> objects = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            if (element.isObject()) {
                objects.add(element);
            }
        }
        return objects;
    }

    /** The field when it is a JSON object, kept as Meta sent it; null otherwise. */
    static JsonNode object(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isObject() ? value : null;
    }

    /** The field as an integer, or {@code fallback} when it is absent or not a whole number. */
    static int integer(JsonNode node, String field, int fallback) {
        String text = text(node, field);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException notAnInteger) {
            return fallback;
        }
    }

    /** A Unix-seconds timestamp (Meta sends a string, a number is accepted), or {@code fallback}. */
    static Instant epochSeconds(JsonNode node, String field, Instant fallback) {
        String text = text(node, field);
        if (text == null) {
            return fallback;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(text));
        } catch (NumberFormatException | DateTimeException notATimestamp) {
            return fallback;
        }
    }
}
