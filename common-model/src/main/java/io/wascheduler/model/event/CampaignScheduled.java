package io.wascheduler.model.event;

import java.time.Instant;

/** A campaign was launched with {@code total} distinct messages. */
public record CampaignScheduled(String campaignId, String senderId, long total, Instant sendAt) implements EventPayload {

    @Override
    public String key() {
        return campaignId;
    }
}
