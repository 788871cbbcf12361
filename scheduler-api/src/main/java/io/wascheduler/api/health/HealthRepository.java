package io.wascheduler.api.health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import io.wascheduler.api.sender.SendRate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The counts behind GET /v1/health. */
@Repository
class HealthRepository {

    private final DatabaseClient db;

    HealthRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<List<HealthReport.SenderHealth>> senders(String tenantId, Instant now) {
        return db.sql("select phone_number_id, status, status_reason, last_error_code, last_error_title, last_error_detail, "
                + SendRate.CURRENT_MPS + " from senders s where tenant_id = :tenant order by phone_number_id")
            .bind("tenant", tenantId).bind("rateSince", SendRate.since(now))
            .map(row -> {
                Integer code = row.get("last_error_code", Integer.class);
                String title = row.get("last_error_title", String.class);
                return new HealthReport.SenderHealth(row.get("phone_number_id", String.class), row.get("status", String.class),
                    row.get("status_reason", String.class), row.get("current_mps", Double.class),
                    code == null && title == null ? null : new HealthReport.LastError(code, title, row.get("last_error_detail", String.class)));
            })
            .all().collectList();
    }

    Mono<HealthReport.Queue> queue(String tenantId, Instant now) {
        return db.sql("""
                select count(*) as scheduled, count(*) filter (where due_at <= :now) as due,
                       min(due_at) filter (where due_at <= :now) as oldest_due
                from (select send_at as due_at from messages where tenant_id = :tenant and status = 'SCHEDULED'
                      union all
                      select next_attempt_at from messages
                      where tenant_id = :tenant and status = 'SENDING' and next_attempt_at is not null) waiting""")
            .bind("tenant", tenantId).bind("now", now)
            .map(row -> {
                Instant oldest = row.get("oldest_due", Instant.class);
                return new HealthReport.Queue(row.get("scheduled", Long.class), row.get("due", Long.class),
                    oldest == null ? 0 : Duration.between(oldest, now).toSeconds());
            })
            .one();
    }

    Mono<HealthReport.Outbox> outbox(Instant now) {
        return db.sql("select coalesce(sum(event_count), 0) as pending, min(created_at) as oldest from outbox")
            .map(row -> {
                Instant oldest = row.get("oldest", Instant.class);
                return new HealthReport.Outbox(row.get("pending", Long.class),
                    oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toSeconds()));
            })
            .one();
    }
}
