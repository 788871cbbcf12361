package io.wascheduler.projector.query;

import io.wascheduler.model.lifecycle.MessageStatus;
import io.wascheduler.projector.message.MessageView;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** The answer to {@code GET /internal/v1/messages/{id}}. */
record MessageStatusView(
    String messageId,
    long version,
    MessageStatus status,
    String wamid,
    String campaignId,
    Map<MessageStatus, Instant> reachedAt,
    Instant updatedAt) {

    /** In lifecycle order, so that every instance, answering or forwarding, writes the same bytes. */
    MessageStatusView {
        if (reachedAt != null) {
            Map<MessageStatus, Instant> ordered = new EnumMap<>(MessageStatus.class);
            ordered.putAll(reachedAt);
            reachedAt = ordered;
        }
    }

    static MessageStatusView of(MessageView view) {
        return new MessageStatusView(view.messageId(), view.version(), view.status(), view.wamid(), view.campaignId(),
            view.reachedAt(), view.updatedAt());
    }
}
