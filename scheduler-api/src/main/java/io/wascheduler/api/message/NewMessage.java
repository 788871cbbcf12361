package io.wascheduler.api.message;

import io.wascheduler.model.content.MessageContent;
import io.wascheduler.model.event.MessageScheduled;
import java.time.Instant;
import java.util.Map;

/** A validated message about to be stored at version 1, status SCHEDULED. */
public record NewMessage(
    String id, String tenantId, String campaignId, String senderId, String to, MessageContent content,
    Instant sendAt, int maxAttempts, Map<String, String> metadata) {

    public NewMessage {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public MessageScheduled scheduled() {
        return new MessageScheduled(id, MessageScheduled.FIRST_VERSION, campaignId, senderId, to, content, sendAt,
            maxAttempts, metadata);
    }
}
