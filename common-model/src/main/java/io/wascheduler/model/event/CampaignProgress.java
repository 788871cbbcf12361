package io.wascheduler.model.event;

import java.time.Instant;

/**
 * A campaign's funnel. {@code pending} counts messages waiting for their instant (SCHEDULED, and those
 * announced by the campaign but not seen yet), {@code sending} those the dispatcher attempted and is still
 * retrying (SENDING), {@code sent} every message that reached SENT or later, {@code delivered} DELIVERED or
 * later. {@code total = pending + sending + sent + failed + cancelled} always holds.
 */
public record CampaignProgress(
    String campaignId, long total, long pending, long sending, long sent, long delivered, long read, long failed,
    long cancelled, Instant updatedAt) implements EventPayload {

    @Override
    public String key() {
        return campaignId;
    }
}
