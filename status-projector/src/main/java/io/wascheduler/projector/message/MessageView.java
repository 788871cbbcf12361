package io.wascheduler.projector.message;

import io.wascheduler.model.lifecycle.MessageState;
import io.wascheduler.model.lifecycle.MessageStatus;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the projector knows about one message: its current version and status (as
 * {@link io.wascheduler.model.lifecycle.MessageLifecycle} merged them), the campaign it counts in once
 * known, its wamid, and when the current version first showed each status.
 */
public record MessageView(
    String messageId,
    long version,
    MessageStatus status,
    String campaignId,
    String wamid,
    Map<MessageStatus, Instant> reachedAt,
    Instant updatedAt) {

    public MessageView {
        reachedAt = reachedAt == null || reachedAt.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(reachedAt));
    }

    MessageState state() {
        return new MessageState(version, status);
    }
}
