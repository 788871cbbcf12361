package io.wascheduler.api.campaign;

import io.wascheduler.model.content.MediaContent;
import io.wascheduler.model.content.MessageContent;
import io.wascheduler.model.content.TemplateContent;
import io.wascheduler.model.content.TextContent;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes one recipient's content from the campaign's: placeholders are filled in the text, in every
 * string of a template's components (parameters, header texts, button payloads) and in media captions.
 */
final class Personalizer {

    private Personalizer() {
    }

    static MessageContent personalize(MessageContent content, Map<String, String> vars, Set<String> missing) {
        return switch (content) {
            case TextContent text -> new TextContent(Placeholders.fill(text.text(), vars, missing), text.previewUrl());
            case TemplateContent template -> new TemplateContent(template.name(), template.language(),
                template.components() == null ? null : fillNode(template.components(), vars, missing));
            case MediaContent.Image image -> new MediaContent.Image(image.link(), Placeholders.fill(image.caption(), vars, missing));
            case MediaContent.Video video -> new MediaContent.Video(video.link(), Placeholders.fill(video.caption(), vars, missing));
            case MediaContent.Document document -> new MediaContent.Document(document.link(),
                Placeholders.fill(document.caption(), vars, missing), Placeholders.fill(document.filename(), vars, missing));
        };
    }

    private static JsonNode fillNode(JsonNode node, Map<String, String> vars, Set<String> missing) {
        if (node.isString()) {
            return JsonNodeFactory.instance.stringNode(Placeholders.fill(node.asString(), vars, missing));
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.values().forEach(element -> copy.add(fillNode(element, vars, missing)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(entry -> copy.set(entry.getKey(), fillNode(entry.getValue(), vars, missing)));
            return copy;
        }
        return node;
    }
}
