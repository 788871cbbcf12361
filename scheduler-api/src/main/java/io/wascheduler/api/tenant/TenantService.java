package io.wascheduler.api.tenant;

import io.wascheduler.api.Ids;
import io.wascheduler.api.auth.ApiKeys;
import java.time.Clock;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

@Service
class TenantService {

    record CreatedTenant(String tenantId, String apiKey) {
    }

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final Clock clock;

    TenantService(DatabaseClient db, TransactionalOperator transaction, Clock clock) {
        this.db = db;
        this.transaction = transaction;
        this.clock = clock;
    }

    Mono<CreatedTenant> create(String name) {
        String tenantId = Ids.next(clock);
        String apiKey = ApiKeys.generate();
        Mono<Long> insertTenant = db.sql("insert into tenants (id, name) values (:id, :name)")
            .bind("id", tenantId).bind("name", name).fetch().rowsUpdated();
        Mono<Long> insertKey = db.sql("insert into api_keys (key_hash, tenant_id) values (:hash, :tenant)")
            .bind("hash", ApiKeys.hash(apiKey)).bind("tenant", tenantId).fetch().rowsUpdated();
        return insertTenant.then(insertKey).as(transaction::transactional).thenReturn(new CreatedTenant(tenantId, apiKey));
    }
}
