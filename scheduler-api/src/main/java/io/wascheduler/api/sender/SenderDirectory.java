package io.wascheduler.api.sender;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Lets messages and campaigns check that {@code from} names one of the tenant's own senders. */
@Component
public class SenderDirectory {

    private final DatabaseClient db;

    SenderDirectory(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Boolean> belongsTo(String tenantId, String phoneNumberId) {
        if (phoneNumberId == null) {
            return Mono.just(false);
        }
        return db.sql("select 1 from senders where tenant_id = :tenant and phone_number_id = :id")
            .bind("tenant", tenantId).bind("id", phoneNumberId)
            .map(row -> true).one().defaultIfEmpty(false);
    }
}
