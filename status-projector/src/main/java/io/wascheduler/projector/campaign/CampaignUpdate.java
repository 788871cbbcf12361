package io.wascheduler.projector.campaign;

import io.wascheduler.model.lifecycle.MessageStatus;
import java.time.Instant;

/**
 * One change to a campaign's counters: either a message moved from one status to another ({@code from}
 * null the first time the message is counted; {@code sentAt} set when it has just reached SENT or later,
 * for the send rate), or the campaign was scheduled with {@code declaredTotal} messages.
 */
public record CampaignUpdate(
    String tenantId, MessageStatus from, MessageStatus to, Instant sentAt, Long declaredTotal) {

    public static CampaignUpdate moved(String tenantId, MessageStatus from, MessageStatus to, Instant sentAt) {
        return new CampaignUpdate(tenantId, from, to, sentAt, null);
    }

    public static CampaignUpdate declared(String tenantId, long total) {
        return new CampaignUpdate(tenantId, null, null, null, total);
    }
}
