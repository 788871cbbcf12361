package io.wascheduler.dispatcher.send;

import io.wascheduler.model.content.MediaContent;
import io.wascheduler.model.content.MessageContent;
import io.wascheduler.model.content.TemplateContent;
import io.wascheduler.model.content.TextContent;
import io.wascheduler.model.event.CallbackData;
import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.event.MessageScheduled;
import tools.jackson.databind.node.ObjectNode;

/** Meta's send body for a message; the callback data carries message id, version and campaign id. */
final class CloudApiRequests {

    private CloudApiRequests() {
    }

    static ObjectNode body(MessageScheduled message) {
        ObjectNode body = EventCodec.mapper().createObjectNode();
        body.put("messaging_product", "whatsapp");
        body.put("recipient_type", "individual");
        body.put("to", message.to());
        MessageContent content = message.content();
        body.put("type", content.type());
        body.set(content.type(), content(content));
        body.put("biz_opaque_callback_data",
            new CallbackData(message.messageId(), message.version(), message.campaignId()).encode());
        return body;
    }

    private static ObjectNode content(MessageContent content) {
        ObjectNode node = EventCodec.mapper().createObjectNode();
        switch (content) {
            case TextContent text -> {
                node.put("body", text.text());
                node.put("preview_url", text.previewUrl());
            }
            case TemplateContent template -> {
                node.put("name", template.name());
                node.putObject("language").put("code", template.language());
                if (template.components() != null && !template.components().isNull()) {
                    node.set("components", template.components());
                }
            }
            case MediaContent media -> {
                node.put("link", media.link());
                if (media.caption() != null) {
                    node.put("caption", media.caption());
                }
                if (media instanceof MediaContent.Document document && document.filename() != null) {
                    node.put("filename", document.filename());
                }
            }
        }
        return node;
    }
}
