package io.wascheduler.api.idempotency;

import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Reserved and completed Idempotency-Keys per scope (a tenant, or the operator), kept for 24 h. */
@Repository
class IdempotentRequests {

    static final Duration RETENTION = Duration.ofHours(24);
    private static final String RETENTION_INTERVAL = RETENTION.toSeconds() + " seconds";

    /** A key's record; {@code statusCode} is null while the first request is still running. */
    record Stored(byte[] requestHash, Integer statusCode, String contentType, String location, byte[] body) {

        boolean completed() {
            return statusCode != null;
        }
    }

    private final DatabaseClient db;

    IdempotentRequests(DatabaseClient db) {
        this.db = db;
    }

    Mono<Stored> find(String scope, String key) {
        return db.sql("""
                select request_hash, status_code, content_type, location, response_body from idempotent_requests
                where scope = :scope and idempotency_key = :key and created_at > now() - cast(:retention as interval)""")
            .bind("scope", scope).bind("key", key).bind("retention", RETENTION_INTERVAL)
            .map(row -> new Stored(row.get("request_hash", byte[].class), row.get("status_code", Integer.class),
                row.get("content_type", String.class), row.get("location", String.class), row.get("response_body", byte[].class)))
            .one();
    }

    /** Claims the key for a first request; false when another request holds it (or completed it) already. */
    Mono<Boolean> reserve(String scope, String key, byte[] requestHash) {
        Mono<Long> forgetExpired = db.sql("""
                delete from idempotent_requests where scope = :scope and idempotency_key = :key
                  and created_at <= now() - cast(:retention as interval)""")
            .bind("scope", scope).bind("key", key).bind("retention", RETENTION_INTERVAL)
            .fetch().rowsUpdated();
        var insert = db.sql("""
                insert into idempotent_requests (scope, idempotency_key, request_hash) values (:scope, :key, :hash)
                on conflict do nothing""")
            .bind("scope", scope).bind("key", key);
        insert = requestHash == null ? insert.bindNull("hash", byte[].class) : insert.bind("hash", requestHash);
        return forgetExpired.then(insert.fetch().rowsUpdated()).map(inserted -> inserted > 0);
    }

    Mono<Void> complete(String scope, String key, byte[] requestHash, int statusCode, String contentType, String location,
                        byte[] body) {
        var update = db.sql("""
                update idempotent_requests set request_hash = :hash, status_code = :status, content_type = :contentType,
                  location = :location, response_body = :body
                where scope = :scope and idempotency_key = :key""")
            .bind("scope", scope).bind("key", key).bind("hash", requestHash).bind("status", statusCode).bind("body", body);
        update = contentType == null ? update.bindNull("contentType", String.class) : update.bind("contentType", contentType);
        update = location == null ? update.bindNull("location", String.class) : update.bind("location", location);
        return update.fetch().rowsUpdated().then();
    }

    /** Frees the key after a request that created nothing (refused or failed), so it can be retried. */
    Mono<Void> release(String scope, String key) {
        return db.sql("delete from idempotent_requests where scope = :scope and idempotency_key = :key and status_code is null")
            .bind("scope", scope).bind("key", key).fetch().rowsUpdated().then();
    }
}
