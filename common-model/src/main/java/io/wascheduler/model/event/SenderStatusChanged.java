package io.wascheduler.model.event;

import java.time.Instant;

/** The dispatcher paused or resumed a sender, for example after Meta's error 131048 or 190. */
public record SenderStatusChanged(
    String phoneNumberId, SenderState state, String reason, MetaError lastError, Instant changedAt)
    implements EventPayload {

    public enum SenderState { ACTIVE, PAUSED }

    @Override
    public String key() {
        return phoneNumberId;
    }
}
