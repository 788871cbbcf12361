package io.wascheduler.api.sender;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class SenderRepository {

    private static final String COLUMNS = """
        phone_number_id, display_phone_number, throughput_mps, status, status_reason,
        last_error_code, last_error_title, last_error_detail""";

    private final DatabaseClient db;

    SenderRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Inserts the sender or, when this tenant already owns the number, replaces its settings and token.
     * Empty when another tenant owns the number.
     */
    Mono<Boolean> upsert(String tenantId, SenderRequest request, int throughputMps, byte[] encryptedToken) {
        return db.sql("""
                insert into senders (phone_number_id, tenant_id, display_phone_number, access_token_encrypted, throughput_mps)
                values (:id, :tenant, :display, :token, :mps)
                on conflict (phone_number_id) do update
                  set display_phone_number = excluded.display_phone_number,
                      access_token_encrypted = excluded.access_token_encrypted,
                      throughput_mps = excluded.throughput_mps, updated_at = now()
                  where senders.tenant_id = excluded.tenant_id
                returning (xmax = 0) as inserted""")
            .bind("id", request.phoneNumberId()).bind("tenant", tenantId)
            .bind("display", request.displayPhoneNumber().strip()).bind("token", encryptedToken).bind("mps", throughputMps)
            .map(row -> Boolean.TRUE.equals(row.get("inserted", Boolean.class)))
            .one();
    }

    Flux<Sender> findAll(String tenantId, Instant now) {
        return db.sql("select " + COLUMNS + ", " + SendRate.CURRENT_MPS + " from senders s where tenant_id = :tenant order by phone_number_id")
            .bind("tenant", tenantId).bind("rateSince", SendRate.since(now)).map(SenderRepository::toSender).all();
    }

    Mono<Sender> find(String tenantId, String phoneNumberId, Instant now) {
        return db.sql("select " + COLUMNS + ", " + SendRate.CURRENT_MPS + " from senders s where tenant_id = :tenant and phone_number_id = :id")
            .bind("tenant", tenantId).bind("id", phoneNumberId).bind("rateSince", SendRate.since(now))
            .map(SenderRepository::toSender).one();
    }

    record Credentials(String phoneNumberId, byte[] encryptedToken, int throughputMps, String status) {
    }

    Mono<Credentials> credentials(String phoneNumberId) {
        return db.sql("select phone_number_id, access_token_encrypted, throughput_mps, status from senders where phone_number_id = :id")
            .bind("id", phoneNumberId)
            .map(row -> new Credentials(row.get("phone_number_id", String.class), row.get("access_token_encrypted", byte[].class),
                row.get("throughput_mps", Integer.class), row.get("status", String.class)))
            .one();
    }

    private static Sender toSender(Readable row) {
        Integer code = row.get("last_error_code", Integer.class);
        String title = row.get("last_error_title", String.class);
        Sender.LastError lastError = code == null && title == null ? null
            : new Sender.LastError(code, title, row.get("last_error_detail", String.class));
        return new Sender(row.get("phone_number_id", String.class), row.get("display_phone_number", String.class),
            row.get("throughput_mps", Integer.class), row.get("status", String.class), row.get("status_reason", String.class),
            lastError, row.get("current_mps", Double.class));
    }
}
