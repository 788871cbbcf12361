package io.wascheduler.projector.topology;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** UP while the projection runs or rebalances, DOWN once it stopped or failed. */
final class ProjectorStreamsHealthIndicator implements HealthIndicator {

    private final ProjectorStreams streams;

    ProjectorStreamsHealthIndicator(ProjectorStreams streams) {
        this.streams = streams;
    }

    @Override
    public Health health() {
        KafkaStreams.State state = streams.state();
        Health.Builder health = switch (state) {
            case RUNNING, REBALANCING -> Health.up();
            case CREATED -> Health.unknown();
            default -> Health.down();
        };
        return health.withDetail("state", state.name()).build();
    }
}
