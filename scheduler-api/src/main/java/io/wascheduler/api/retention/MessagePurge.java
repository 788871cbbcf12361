package io.wascheduler.api.retention;

import io.wascheduler.api.message.RemovedMessages;
import java.time.Clock;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Deletes messages that reached a final state longer than {@code max-age} ago (their history goes with
 * them), a batch per statement. It writes no outbox row: the projector's campaign counters already
 * counted these messages and must keep them, and so does PostgreSQL through {@link RemovedMessages}.
 */
@Component
class MessagePurge {

    private final DatabaseClient db;
    private final RetentionProperties properties;
    private final Clock clock;

    MessagePurge(DatabaseClient db, RetentionProperties properties, Clock clock) {
        this.db = db;
        this.properties = properties;
        this.clock = clock;
    }

    /** Purges every expired message, batch after batch; returns how many were deleted. */
    Mono<Long> purgeExpired() {
        Instant cutoff = clock.instant().minus(properties.maxAge());
        return purgeFrom(cutoff, 0L);
    }

    private Mono<Long> purgeFrom(Instant cutoff, long purgedSoFar) {
        return deleteBatch(cutoff).flatMap(deleted -> deleted < properties.batchSize()
            ? Mono.just(purgedSoFar + deleted)
            : purgeFrom(cutoff, purgedSoFar + deleted));
    }

    private Mono<Long> deleteBatch(Instant cutoff) {
        return db.sql(RemovedMessages.tallying("""
                delete from messages where id in (
                  select id from messages
                  where status in ('DELIVERED', 'READ', 'FAILED', 'CANCELLED') and updated_at < :cutoff
                  order by updated_at limit :batch
                  for update skip locked)
                returning campaign_id, status"""))
            .bind("cutoff", cutoff).bind("batch", properties.batchSize())
            .map(row -> row.get("removed", Long.class)).one();
    }
}
