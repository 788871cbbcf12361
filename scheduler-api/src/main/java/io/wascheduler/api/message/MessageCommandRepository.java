package io.wascheduler.api.message;

import io.r2dbc.postgresql.codec.Json;
import io.wascheduler.model.content.MessageContent;
import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.event.MessageScheduled;
import io.wascheduler.model.lifecycle.MessageStatus;
import java.time.Instant;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

/** Writes of the message commands (edit, cancel, retry, delete); each runs under the row's lock. */
@Repository
class MessageCommandRepository {

    private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() {
    };

    private final DatabaseClient db;

    MessageCommandRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<CurrentMessage> lock(String tenantId, String id) {
        return db.sql("""
                select id, campaign_id, sender_id, recipient, content, send_at, max_attempts, metadata, version, status
                from messages where tenant_id = :tenant and id = :id for update""")
            .bind("tenant", tenantId).bind("id", id)
            .map(row -> new CurrentMessage(row.get("id", String.class), row.get("campaign_id", String.class),
                row.get("sender_id", String.class), row.get("recipient", String.class),
                EventCodec.mapper().readValue(row.get("content", Json.class).asString(), MessageContent.class),
                row.get("send_at", Instant.class), row.get("max_attempts", Integer.class),
                EventCodec.mapper().readValue(row.get("metadata", Json.class).asString(), METADATA),
                row.get("version", Long.class), MessageStatus.valueOf(row.get("status", String.class))))
            .one();
    }

    /** Stores a new version: what a previous version went through (attempts, wamid, times, error) starts over. */
    Mono<Void> reschedule(MessageScheduled next) {
        return db.sql("""
                update messages set version = :version, recipient = :to, content = cast(:content as jsonb), send_at = :sendAt,
                  status = 'SCHEDULED', attempts = 0, next_attempt_at = null, wamid = null, sent_at = null,
                  delivered_at = null, read_at = null, failed_at = null, error_code = null, error_title = null,
                  error_detail = null, updated_at = now()
                where id = :id""")
            .bind("id", next.messageId()).bind("version", next.version()).bind("to", next.to())
            .bind("content", EventCodec.mapper().writeValueAsString(next.content())).bind("sendAt", next.sendAt())
            .fetch().rowsUpdated()
            .then(history(next.messageId(), next.version(), MessageStatus.SCHEDULED, null));
    }

    Mono<Void> cancel(String id, long version, String reason) {
        return db.sql("update messages set status = 'CANCELLED', next_attempt_at = null, updated_at = now() where id = :id")
            .bind("id", id).fetch().rowsUpdated()
            .then(history(id, version, MessageStatus.CANCELLED, reason));
    }

    Mono<Void> delete(String id) {
        return db.sql(RemovedMessages.tallying("delete from messages where id = :id returning campaign_id, status"))
            .bind("id", id).fetch().rowsUpdated().then();
    }

    private Mono<Void> history(String id, long version, MessageStatus status, String detail) {
        var insert = db.sql("insert into message_history (message_id, version, status, at, detail) values (:id, :version, :status, now(), :detail)")
            .bind("id", id).bind("version", version).bind("status", status.name());
        insert = detail == null ? insert.bindNull("detail", String.class) : insert.bind("detail", detail);
        return insert.fetch().rowsUpdated().then();
    }
}
