package io.wascheduler.projector.campaign;

import io.wascheduler.model.event.CampaignProgress;
import io.wascheduler.model.lifecycle.MessageStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A campaign's counters: how many of its messages are in each status but SCHEDULED (pending is what the
 * declared total leaves), the total its CampaignScheduled declared (null until seen), and how many messages
 * reached SENT in each recent second (epoch second to count) for the send rate.
 */
public record CampaignCounters(
    String campaignId,
    String tenantId,
    Map<MessageStatus, Long> byStatus,
    Long declaredTotal,
    NavigableMap<Long, Long> sentPerSecond,
    Instant updatedAt) {

    public CampaignCounters {
        byStatus = byStatus == null || byStatus.isEmpty() ? Map.of() : withoutScheduled(byStatus);
        sentPerSecond = sentPerSecond == null ? new TreeMap<>() : new TreeMap<>(sentPerSecond);
    }

    /** Counters stored before SCHEDULED stopped being counted still hold it; what they hold of it is stale. */
    private static Map<MessageStatus, Long> withoutScheduled(Map<MessageStatus, Long> byStatus) {
        Map<MessageStatus, Long> counted = new EnumMap<>(byStatus);
        counted.remove(MessageStatus.SCHEDULED);
        return Map.copyOf(counted);
    }

    public static CampaignCounters empty(String campaignId) {
        return new CampaignCounters(campaignId, null, Map.of(), null, null, null);
    }

    /** The counters after {@code update}; send-rate seconds older than {@code rateWindow} before now are dropped. */
    public CampaignCounters apply(CampaignUpdate update, Instant now, Duration rateWindow) {
        Map<MessageStatus, Long> counts = new EnumMap<>(MessageStatus.class);
        counts.putAll(byStatus);
        if (update.from() != null) {
            counts.merge(update.from(), -1L, Long::sum);
        }
        if (update.to() != null) {
            counts.merge(update.to(), 1L, Long::sum);
        }
        counts.values().removeIf(count -> count == 0);
        NavigableMap<Long, Long> rate =
            new TreeMap<>(sentPerSecond.tailMap(now.minus(rateWindow).getEpochSecond(), true));
        if (update.sentAt() != null) {
            rate.merge(update.sentAt().getEpochSecond(), 1L, Long::sum);
        }
        Long total = update.declaredTotal() != null ? update.declaredTotal() : declaredTotal;
        String tenant = tenantId != null ? tenantId : update.tenantId();
        return new CampaignCounters(campaignId, tenant, counts, total, rate, now);
    }

    public long count(MessageStatus status) {
        return byStatus.getOrDefault(status, 0L);
    }

    /** Messages of this campaign the projector has seen past SCHEDULED, whatever their status now. */
    public long seen() {
        return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The funnel: pending is every declared message not counted in another status (scheduled, or not seen
     * yet), sending is SENDING (attempted, being retried), and the two never overlap, so
     * {@code total = pending + sending + sent + failed + cancelled} holds at every moment.
     */
    public CampaignProgress progress() {
        long seen = seen();
        long total = declaredTotal == null ? seen : Math.max(declaredTotal, seen);
        long sending = count(MessageStatus.SENDING);
        long pending = total - seen;
        long read = count(MessageStatus.READ);
        long delivered = count(MessageStatus.DELIVERED) + read;
        long sent = count(MessageStatus.SENT) + delivered;
        return new CampaignProgress(campaignId, total, pending, sending, sent, delivered, read,
            count(MessageStatus.FAILED), count(MessageStatus.CANCELLED), updatedAt);
    }
}
