package io.wascheduler.api.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Whether PostgreSQL and Kafka answer within a short timeout. The Kafka probe uses a short-lived admin
 * client, so a broker that is down costs nothing (and logs nothing) between health calls.
 */
@Component
class HealthProbes {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final DatabaseClient db;
    private final Map<String, Object> kafkaConfig;

    HealthProbes(DatabaseClient db, KafkaProperties kafkaProperties) {
        this.db = db;
        this.kafkaConfig = new HashMap<>(kafkaProperties.buildAdminProperties());
        kafkaConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        kafkaConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        kafkaConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, "scheduler-api-health");
    }

    Mono<String> postgres() {
        return db.sql("select 1").fetch().rowsUpdated().thenReturn(HealthVerdict.UP)
            .timeout(TIMEOUT).onErrorReturn(HealthVerdict.DOWN);
    }

    Mono<String> kafka() {
        return Mono.fromCallable(() -> {
                try (Admin admin = Admin.create(kafkaConfig)) {
                    return admin.describeCluster().clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                }
            })
            .subscribeOn(Schedulers.boundedElastic())
            .map(clusterId -> HealthVerdict.UP)
            .onErrorReturn(HealthVerdict.DOWN);
    }
}
