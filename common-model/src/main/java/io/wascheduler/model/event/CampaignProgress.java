package io.wascheduler.model.event;

import java.time.Instant;

/**
 * A campaign's funnel. {@code sent} counts every message that reached SENT or later, {@code delivered}
 * DELIVERED or later; {@code pending} counts messages not yet sent, of which {@code sending} are in
 * flight. {@code total = pending + sent + failed + cancelled} always holds.
 */
public record CampaignProgress(
    String campaignId, long total, long pending, long sending, long sent, long delivered, long read, long failed,
    long cancelled, Instant updatedAt) implements EventPayload {

    @Override
    public String key() {
        return campaignId;
    }
}
