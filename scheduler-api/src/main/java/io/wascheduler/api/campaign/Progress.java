package io.wascheduler.api.campaign;

import io.wascheduler.model.lifecycle.MessageStatus;
import java.time.Instant;
import java.util.Map;

/**
 * A campaign's funnel (DESIGN.md §7): {@code sent} counts SENT or later, {@code delivered} DELIVERED or
 * later, and {@code total = pending + sent + failed + cancelled}. {@code source} says who computed it:
 * {@code projector} (live counters) or {@code postgres} (counts by status, when the projector has none).
 */
record Progress(
    long total, long pending, long sending, long sent, long delivered, long read, long failed, long cancelled,
    double percentComplete, Double sendRatePerSecond, Instant estimatedCompletionAt, Instant updatedAt, String source) {

    static final String FROM_PROJECTOR = "projector";
    static final String FROM_POSTGRES = "postgres";

    /** The funnel from the number of messages in each status. */
    static Progress fromCounts(Map<MessageStatus, Long> counts, Instant now) {
        long pending = 0;
        long sending = 0;
        long sent = 0;
        long delivered = 0;
        long read = 0;
        long failed = 0;
        long cancelled = 0;
        for (Map.Entry<MessageStatus, Long> entry : counts.entrySet()) {
            MessageStatus status = entry.getKey();
            long count = entry.getValue();
            pending += status == MessageStatus.SCHEDULED ? count : 0;
            sending += status == MessageStatus.SENDING ? count : 0;
            sent += status.isSentOrLater() ? count : 0;
            delivered += status == MessageStatus.DELIVERED || status == MessageStatus.READ ? count : 0;
            read += status == MessageStatus.READ ? count : 0;
            failed += status == MessageStatus.FAILED ? count : 0;
            cancelled += status == MessageStatus.CANCELLED ? count : 0;
        }
        // the funnel of CampaignProgress: pending (waiting for the instant) and sending (being retried) apart
        long total = pending + sending + sent + failed + cancelled;
        return new Progress(total, pending, sending, sent, delivered, read, failed, cancelled,
            percentComplete(total, pending + sending), null, null, now, FROM_POSTGRES);
    }

    /** Nothing is left to send: every message is sent, failed or cancelled (none waiting, none being retried). */
    boolean complete() {
        return total > 0 && pending == 0 && sending == 0;
    }

    /** The same funnel, whenever and by whom it was computed. */
    boolean sameCounts(Progress other) {
        return total == other.total && pending == other.pending && sending == other.sending && sent == other.sent
            && delivered == other.delivered && read == other.read && failed == other.failed && cancelled == other.cancelled;
    }

    static double percentComplete(long total, long notYetSent) {
        return total == 0 ? 0.0 : Math.round((total - notYetSent) * 10_000.0 / total) / 100.0;
    }
}
