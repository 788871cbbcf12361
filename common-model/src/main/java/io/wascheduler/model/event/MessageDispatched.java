package io.wascheduler.model.event;

import java.time.Instant;

/** The Cloud API accepted the message and gave it {@code wamid}. {@code attempt} counts from 1. */
public record MessageDispatched(
    String messageId, long version, String campaignId, String senderId, String to, String wamid, int attempt,
    Instant dispatchedAt) implements EventPayload {

    @Override
    public String key() {
        return messageId;
    }
}
