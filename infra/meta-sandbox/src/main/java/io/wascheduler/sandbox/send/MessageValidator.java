package io.wascheduler.sandbox.send;

import java.util.List;
import java.util.Locale;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a send body the way the Cloud API does, naming the first problem in Meta's words. Only the message
 * types Meta knows are accepted, each with the object its type names.
 */
final class MessageValidator {

    /** Either a message or the details of error 100. */
    record Validation(OutgoingMessage message, String problem) {
        boolean valid() {
            return message != null;
        }
    }

    static final int MAX_TEXT_BODY = 4096;
    static final int MAX_CALLBACK_DATA = 512;
    private static final List<String> TYPES = List.of("audio", "contacts", "document", "image", "interactive",
            "location", "reaction", "sticker", "template", "text", "video");
    private static final List<String> MEDIA_TYPES = List.of("audio", "document", "image", "sticker", "video");

    private MessageValidator() {
    }

    /** Validates a raw body: an empty one lacks every parameter, one that is not JSON is refused as such. */
    static Validation validate(byte[] body, JsonMapper json) {
        if (body == null || body.length == 0) {
            return validate(json.createObjectNode());
        }
        try {
            return validate(json.readTree(body));
        }
        catch (JacksonException e) {
            return problem("The request body is not valid JSON.");
        }
    }

    static Validation validate(JsonNode body) {
        if (body == null || !body.isObject()) {
            return problem("The request body must be a JSON object.");
        }
        String product = text(body, "messaging_product");
        if (product == null) {
            return problem("The parameter messaging_product is required.");
        }
        if (!product.equals("whatsapp")) {
            return problem("Param messaging_product must be one of {WHATSAPP} - got \"" + product + "\".");
        }
        String recipientType = text(body, "recipient_type");
        if (recipientType != null && !recipientType.equals("individual")) {
            return problem("Param recipient_type must be one of {INDIVIDUAL} - got \"" + recipientType + "\".");
        }
        String to = text(body, "to");
        if (to == null || to.isBlank()) {
            return problem("The parameter to is required.");
        }
        var e164 = PhoneNumbers.toE164(to);
        if (e164.isEmpty()) {
            return problem("Param to must be a valid phone number - got \"" + to + "\".");
        }
        String type = body.has("type") ? text(body, "type") : "text";
        if (type == null || !TYPES.contains(type)) {
            return problem("Param type must be one of " + TYPES.toString().toUpperCase(Locale.ROOT) + " - got \""
                    + (type == null ? body.get("type") : type) + "\".");
        }
        String typeProblem = checkTypeObject(body, type);
        if (typeProblem != null) {
            return problem(typeProblem);
        }
        String callbackData = text(body, "biz_opaque_callback_data");
        if (callbackData != null && callbackData.length() > MAX_CALLBACK_DATA) {
            return problem("Param biz_opaque_callback_data must be at most " + MAX_CALLBACK_DATA
                    + " characters long.");
        }
        return new Validation(new OutgoingMessage(to, e164.get(), type, callbackData), null);
    }

    private static String checkTypeObject(JsonNode body, String type) {
        JsonNode object = body.path(type);
        if (!object.isObject()) {
            return "The parameter " + type + " is required.";
        }
        if (type.equals("text")) {
            String text = text(object, "body");
            if (text == null || text.isEmpty()) {
                return "The parameter text['body'] is required.";
            }
            return text.length() > MAX_TEXT_BODY
                    ? "Param text['body'] must be at most " + MAX_TEXT_BODY + " characters long." : null;
        }
        if (type.equals("template")) {
            if (isBlank(text(object, "name"))) {
                return "The parameter template['name'] is required.";
            }
            return isBlank(text(object.path("language"), "code"))
                    ? "The parameter template['language']['code'] is required." : null;
        }
        if (MEDIA_TYPES.contains(type) && isBlank(text(object, "link")) && isBlank(text(object, "id"))) {
            return "The parameter " + type + "['link'] or " + type + "['id'] is required.";
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.stringValue() : null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static Validation problem(String details) {
        return new Validation(null, details);
    }
}
