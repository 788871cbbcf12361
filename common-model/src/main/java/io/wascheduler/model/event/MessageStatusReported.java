package io.wascheduler.model.event;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A status Meta reported by webhook. {@code messageId}, {@code version} and {@code campaignId} come
 * from {@code biz_opaque_callback_data} and are null (version 0) when Meta did not echo it; then the
 * message is found through {@code wamid}.
 */
public record MessageStatusReported(
    String messageId,
    long version,
    String campaignId,
    String senderId,
    String wamid,
    DeliveryStatus status,
    Instant statusAt,
    String recipientId,
    List<MetaError> errors,
    JsonNode pricing,
    JsonNode conversation) implements EventPayload {

    public MessageStatusReported {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** Keyed by message id when known, so that a message's events share a partition; by wamid otherwise. */
    @Override
    public String key() {
        return messageId != null ? messageId : wamid;
    }
}
