package io.wascheduler.api.message;

import io.wascheduler.model.event.EventCodec;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Remembers, per tenant and {@code Idempotency-Key}, which request created which message, for 24 h. The
 * request is fingerprinted from its decoded form (map keys sorted), so formatting does not matter but
 * any changed value does.
 */
@Repository
class IdempotencyKeys {

    static final Duration RETENTION = Duration.ofHours(24);

    private static final JsonMapper CANONICAL = EventCodec.mapper().rebuild()
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    /** What the first request with the key produced. */
    record Remembered(byte[] requestHash, String messageId) {
    }

    private final DatabaseClient db;

    IdempotencyKeys(DatabaseClient db) {
        this.db = db;
    }

    static byte[] fingerprint(Object request) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(CANONICAL.writeValueAsBytes(request));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    Mono<Remembered> find(String tenantId, String key) {
        return db.sql("""
                select request_hash, response_body from idempotency_keys
                where tenant_id = :tenant and idempotency_key = :key and created_at > now() - cast(:retention as interval)""")
            .bind("tenant", tenantId).bind("key", key).bind("retention", RETENTION.toSeconds() + " seconds")
            .map(row -> new Remembered(row.get("request_hash", byte[].class), row.get("response_body", String.class)))
            .one();
    }

    /** Fails with a duplicate-key error when a concurrent request with the same key got there first. */
    Mono<Void> remember(String tenantId, String key, byte[] requestHash, String messageId) {
        Mono<Long> forgetExpired = db.sql("""
                delete from idempotency_keys where tenant_id = :tenant and idempotency_key = :key
                  and created_at <= now() - cast(:retention as interval)""")
            .bind("tenant", tenantId).bind("key", key).bind("retention", RETENTION.toSeconds() + " seconds")
            .fetch().rowsUpdated();
        Mono<Long> insert = db.sql("""
                insert into idempotency_keys (tenant_id, idempotency_key, request_hash, status_code, response_body, location)
                values (:tenant, :key, :hash, 201, :messageId, :location)""")
            .bind("tenant", tenantId).bind("key", key).bind("hash", requestHash).bind("messageId", messageId)
            .bind("location", "/v1/messages/" + messageId)
            .fetch().rowsUpdated();
        return forgetExpired.then(insert).then();
    }
}
