package io.wascheduler.projector.topology;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code wa.kafka.*}: the replication factor of the topics this service creates, its internal ones included. */
@ConfigurationProperties("wa.kafka")
record ReplicationProperties(Short replicationFactor) {

    static final short DEFAULT_REPLICATION_FACTOR = 1;

    ReplicationProperties {
        replicationFactor = replicationFactor == null ? DEFAULT_REPLICATION_FACTOR : replicationFactor;
        if (replicationFactor < 1) {
            throw new IllegalArgumentException(
                "wa.kafka.replication-factor must be at least 1, was " + replicationFactor);
        }
    }
}
