package io.wascheduler.benchmarks.projector;

import io.wascheduler.model.lifecycle.MessageStatus;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A campaign's funnel as the projector defines it (pending = SCHEDULED, sending = SENDING, sent = SENT or
 * later, delivered = DELIVERED or later), so that the projector's answer and a count of rows by status compare field by field.
 */
record FunnelCounts(long total, long pending, long sending, long sent, long delivered, long read, long failed,
                    long cancelled) {

    static final String HEADER = String.format("%-10s %8s %8s %8s %8s %10s %8s %8s %10s",
        "", "total", "pending", "sending", "sent", "delivered", "read", "failed", "cancelled");

    /** From the number of messages in each status, as scheduler-api's {@code messages} table holds them. */
    static FunnelCounts fromStatusCounts(Map<MessageStatus, Long> byStatus) {
        long scheduled = byStatus.getOrDefault(MessageStatus.SCHEDULED, 0L);
        long sending = byStatus.getOrDefault(MessageStatus.SENDING, 0L);
        long sent = byStatus.getOrDefault(MessageStatus.SENT, 0L);
        long delivered = byStatus.getOrDefault(MessageStatus.DELIVERED, 0L);
        long read = byStatus.getOrDefault(MessageStatus.READ, 0L);
        long failed = byStatus.getOrDefault(MessageStatus.FAILED, 0L);
        long cancelled = byStatus.getOrDefault(MessageStatus.CANCELLED, 0L);
        long total = scheduled + sending + sent + delivered + read + failed + cancelled;
        return new FunnelCounts(total, scheduled, sending, sent + delivered + read, delivered + read, read,
            failed, cancelled);
    }

    /** From the projector's {@code GET /internal/v1/campaigns/{id}/progress} answer. */
    static FunnelCounts fromProgress(JsonNode progress) {
        return new FunnelCounts(progress.path("total").asLong(), progress.path("pending").asLong(),
            progress.path("sending").asLong(), progress.path("sent").asLong(), progress.path("delivered").asLong(),
            progress.path("read").asLong(), progress.path("failed").asLong(), progress.path("cancelled").asLong());
    }

    static FunnelCounts none() {
        return new FunnelCounts(0, 0, 0, 0, 0, 0, 0, 0);
    }

    String row(String label) {
        return String.format("%-10s %8d %8d %8d %8d %10d %8d %8d %10d",
            label, total, pending, sending, sent, delivered, read, failed, cancelled);
    }
}
