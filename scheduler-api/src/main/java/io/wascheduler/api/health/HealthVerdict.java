package io.wascheduler.api.health;

import java.time.Duration;
import java.util.List;

/**
 * The overall verdict: {@code critical} when PostgreSQL is down (nothing can be accepted), {@code degraded}
 * when Kafka is down, a sender is paused, or due messages or outbox events wait longer than the tolerated
 * lag, {@code healthy} otherwise.
 */
final class HealthVerdict {

    static final String UP = "UP";
    static final String DOWN = "DOWN";
    static final Duration TOLERATED_LAG = Duration.ofSeconds(60);

    private HealthVerdict() {
    }

    static String overall(String postgres, String kafka, List<HealthReport.SenderHealth> senders, HealthReport.Queue queue,
                          HealthReport.Outbox outbox) {
        if (!UP.equals(postgres)) {
            return "critical";
        }
        boolean senderPaused = senders.stream().anyMatch(sender -> !"ACTIVE".equals(sender.status()));
        boolean lagging = queue.oldestDueLagSeconds() > TOLERATED_LAG.toSeconds()
            || outbox.oldestAgeSeconds() > TOLERATED_LAG.toSeconds();
        return !UP.equals(kafka) || senderPaused || lagging ? "degraded" : "healthy";
    }
}
