package io.wascheduler.model.event;

import java.time.Instant;

/**
 * A send attempt failed. When {@code finalFailure} is false the message will be tried again at
 * {@code nextAttemptAt}; when true it is FAILED with Meta's error kept.
 */
public record MessageDispatchFailed(
    String messageId, long version, String campaignId, String senderId, int attempt, MetaError error,
    boolean finalFailure, Instant nextAttemptAt, Instant failedAt) implements EventPayload {

    @Override
    public String key() {
        return messageId;
    }
}
