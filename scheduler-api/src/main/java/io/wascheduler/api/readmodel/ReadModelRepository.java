package io.wascheduler.api.readmodel;

import io.r2dbc.spi.Readable;
import io.wascheduler.model.event.MetaError;
import io.wascheduler.model.lifecycle.MessageStatus;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Reads a message's snapshot under a row lock and writes back what an event changed. */
@Repository
class ReadModelRepository {

    private static final String SNAPSHOT = """
        select id, version, status, attempts, next_attempt_at, wamid, sent_at, delivered_at, read_at, failed_at,
               error_code, error_title, error_detail from messages""";

    private final DatabaseClient db;

    ReadModelRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<MessageSnapshot> lockById(String id) {
        return db.sql(SNAPSHOT + " where id = :id for update").bind("id", id).map(ReadModelRepository::toSnapshot).one();
    }

    Mono<MessageSnapshot> lockByWamid(String wamid) {
        return db.sql(SNAPSHOT + " where wamid = :wamid order by version desc limit 1 for update")
            .bind("wamid", wamid).map(ReadModelRepository::toSnapshot).one();
    }

    Mono<Void> save(ReadModelChange change) {
        MessageSnapshot m = change.updated();
        GenericExecuteSpec update = db.sql("""
                update messages set status = :status, attempts = :attempts, next_attempt_at = :nextAttemptAt,
                  wamid = :wamid, sent_at = :sentAt, delivered_at = :deliveredAt, read_at = :readAt, failed_at = :failedAt,
                  error_code = :errorCode, error_title = :errorTitle, error_detail = :errorDetail, updated_at = now()
                where id = :id""")
            .bind("id", m.id()).bind("status", m.status().name()).bind("attempts", m.attempts());
        update = bindNullable(update, "nextAttemptAt", m.nextAttemptAt(), Instant.class);
        update = bindNullable(update, "wamid", m.wamid(), String.class);
        update = bindNullable(update, "sentAt", m.sentAt(), Instant.class);
        update = bindNullable(update, "deliveredAt", m.deliveredAt(), Instant.class);
        update = bindNullable(update, "readAt", m.readAt(), Instant.class);
        update = bindNullable(update, "failedAt", m.failedAt(), Instant.class);
        MetaError error = m.error();
        update = bindNullable(update, "errorCode", error == null ? null : error.code(), Integer.class);
        update = bindNullable(update, "errorTitle", error == null ? null : error.title(), String.class);
        update = bindNullable(update, "errorDetail", error == null ? null : error.detail(), String.class);
        Mono<Long> saved = update.fetch().rowsUpdated();
        if (!change.statusChanged()) {
            return saved.then();
        }
        GenericExecuteSpec history = db.sql("""
                insert into message_history (message_id, version, status, at, detail)
                values (:id, :version, :status, :at, :detail)""")
            .bind("id", m.id()).bind("version", m.version()).bind("status", m.status().name()).bind("at", change.at());
        return saved.then(bindNullable(history, "detail", change.detail(), String.class).fetch().rowsUpdated()).then();
    }

    private static <T> GenericExecuteSpec bindNullable(GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private static MessageSnapshot toSnapshot(Readable row) {
        Integer code = row.get("error_code", Integer.class);
        String title = row.get("error_title", String.class);
        MetaError error = code == null && title == null ? null
            : new MetaError(code == null ? 0 : code, title, row.get("error_detail", String.class));
        return new MessageSnapshot(row.get("id", String.class), row.get("version", Long.class),
            MessageStatus.valueOf(row.get("status", String.class)), row.get("attempts", Integer.class),
            row.get("next_attempt_at", Instant.class), row.get("wamid", String.class), row.get("sent_at", Instant.class),
            row.get("delivered_at", Instant.class), row.get("read_at", Instant.class), row.get("failed_at", Instant.class), error);
    }
}
