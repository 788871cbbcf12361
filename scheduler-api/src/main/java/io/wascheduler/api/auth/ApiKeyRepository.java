package io.wascheduler.api.auth;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
class ApiKeyRepository {

    private final DatabaseClient db;

    ApiKeyRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<String> tenantOf(String apiKey) {
        return db.sql("select tenant_id from api_keys where key_hash = :hash")
            .bind("hash", ApiKeys.hash(apiKey))
            .map(row -> row.get("tenant_id", String.class))
            .one();
    }
}
