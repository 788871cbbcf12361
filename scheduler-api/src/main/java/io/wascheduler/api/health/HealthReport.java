package io.wascheduler.api.health;

import java.util.List;
import java.util.Map;

/** {@code GET /v1/health}: the tenant's view of the system, with one overall verdict. */
record HealthReport(String overall, Map<String, String> components, List<SenderHealth> senders, Queue queue, Outbox outbox) {

    record SenderHealth(String phoneNumberId, String status, String statusReason, Double currentMps, LastError lastError) {
    }

    record LastError(Integer code, String title, String detail) {
    }

    /**
     * The tenant's messages waiting for an attempt (their first at their instant, or the next after a failed one),
     * how many of them are already due, and how late the oldest due one is: an overdue retry is as much a backlog as
     * an overdue first send.
     */
    record Queue(long scheduled, long dueBacklog, long oldestDueLagSeconds) {
    }

    /** Events accepted but not yet on Kafka (all tenants): non-zero for long means Kafka is unreachable. */
    record Outbox(long pending, long oldestAgeSeconds) {
    }
}
