package io.wascheduler.api.readmodel;

import io.r2dbc.spi.Readable;
import io.wascheduler.model.event.MetaError;
import io.wascheduler.model.lifecycle.MessageStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a batch's messages under row locks and writes back what its events changed, one statement each: the
 * values travel as one array per column and are unnested back into rows.
 */
@Repository
class ReadModelRepository {

    private final DatabaseClient db;

    ReadModelRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Locks in id order, whoever asks, so consumers whose batches share messages wait for each other instead
     * of deadlocking. A wamid matches only rows that already carry it.
     */
    Flux<MessageSnapshot> lock(ReadModelBatch.Keys keys) {
        return db.sql("""
                select id, version, status, attempts, next_attempt_at, wamid, sent_at, delivered_at, read_at, failed_at,
                       error_code, error_title, error_detail
                from messages where id = any(cast(:ids as text[])) or wamid = any(cast(:wamids as text[]))
                order by id for update""")
            .bind("ids", keys.ids().toArray(String[]::new)).bind("wamids", keys.wamids().toArray(String[]::new))
            .map(ReadModelRepository::toSnapshot).all();
    }

    Mono<Void> save(Collection<MessageSnapshot> rows) {
        if (rows.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                update messages m set status = v.status, attempts = v.attempts, next_attempt_at = v.next_attempt_at,
                  wamid = v.wamid, sent_at = v.sent_at, delivered_at = v.delivered_at, read_at = v.read_at,
                  failed_at = v.failed_at, error_code = v.error_code, error_title = v.error_title,
                  error_detail = v.error_detail, updated_at = now()
                from unnest(cast(:id as text[]), cast(:status as text[]), cast(:attempts as integer[]),
                  cast(:nextAttemptAt as timestamptz[]), cast(:wamid as text[]), cast(:sentAt as timestamptz[]),
                  cast(:deliveredAt as timestamptz[]), cast(:readAt as timestamptz[]), cast(:failedAt as timestamptz[]),
                  cast(:errorCode as integer[]), cast(:errorTitle as text[]), cast(:errorDetail as text[]))
                  as v(id, status, attempts, next_attempt_at, wamid, sent_at, delivered_at, read_at, failed_at,
                       error_code, error_title, error_detail)
                where m.id = v.id""")
            .bind("id", column(rows, MessageSnapshot::id, String[]::new))
            .bind("status", column(rows, m -> m.status().name(), String[]::new))
            .bind("attempts", column(rows, MessageSnapshot::attempts, Integer[]::new))
            .bind("nextAttemptAt", column(rows, MessageSnapshot::nextAttemptAt, Instant[]::new))
            .bind("wamid", column(rows, MessageSnapshot::wamid, String[]::new))
            .bind("sentAt", column(rows, MessageSnapshot::sentAt, Instant[]::new))
            .bind("deliveredAt", column(rows, MessageSnapshot::deliveredAt, Instant[]::new))
            .bind("readAt", column(rows, MessageSnapshot::readAt, Instant[]::new))
            .bind("failedAt", column(rows, MessageSnapshot::failedAt, Instant[]::new))
            .bind("errorCode", column(rows, m -> m.error() == null ? null : m.error().code(), Integer[]::new))
            .bind("errorTitle", column(rows, m -> m.error() == null ? null : m.error().title(), String[]::new))
            .bind("errorDetail", column(rows, m -> m.error() == null ? null : m.error().detail(), String[]::new))
            .fetch().rowsUpdated().then();
    }

    /** History rows in the order the changes were applied; a message's history is read in lifecycle order. */
    Mono<Void> appendHistory(List<ReadModelChange> changes) {
        if (changes.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                insert into message_history (message_id, version, status, at, detail)
                select id, version, status, at, detail
                from unnest(cast(:id as text[]), cast(:version as bigint[]), cast(:status as text[]),
                  cast(:at as timestamptz[]), cast(:detail as text[])) with ordinality as h(id, version, status, at, detail, n)
                order by n""")
            .bind("id", column(changes, c -> c.updated().id(), String[]::new))
            .bind("version", column(changes, c -> c.updated().version(), Long[]::new))
            .bind("status", column(changes, c -> c.recorded().name(), String[]::new))
            .bind("at", column(changes, ReadModelChange::at, Instant[]::new))
            .bind("detail", column(changes, ReadModelChange::detail, String[]::new))
            .fetch().rowsUpdated().then();
    }

    private static <R, T> T[] column(Collection<R> rows, Function<R, T> value, IntFunction<T[]> array) {
        return rows.stream().map(value).toArray(array);
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
