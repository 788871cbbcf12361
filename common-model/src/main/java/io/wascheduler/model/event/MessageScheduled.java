package io.wascheduler.model.event;

import io.wascheduler.model.content.MessageContent;
import java.time.Instant;
import java.util.Map;

/**
 * A message to send at {@code sendAt}. Also published for an edit or a retry, with a higher
 * {@code version}; the highest version is the one that counts. {@code senderId} is the sender's
 * phone-number id; {@code to} is E.164 with a leading '+'.
 */
public record MessageScheduled(
    String messageId,
    long version,
    String campaignId,
    String senderId,
    String to,
    MessageContent content,
    Instant sendAt,
    int maxAttempts,
    Map<String, String> metadata) implements EventPayload {

    public MessageScheduled {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    @Override
    public String key() {
        return messageId;
    }
}
