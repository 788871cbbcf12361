package io.wascheduler.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HealthVerdictTest {

    private static final List<HealthReport.SenderHealth> ACTIVE =
        List.of(new HealthReport.SenderHealth("1", "ACTIVE", null, null, null));
    private static final HealthReport.Queue ON_TIME = new HealthReport.Queue(10, 0, 0);
    private static final HealthReport.Outbox EMPTY = new HealthReport.Outbox(0, 0);

    @Test
    void everythingUpAndOnTimeIsHealthy() {
        assertThat(HealthVerdict.overall("UP", "UP", ACTIVE, ON_TIME, EMPTY)).isEqualTo("healthy");
    }

    @Test
    void postgresDownIsCritical() {
        assertThat(HealthVerdict.overall("DOWN", "UP", ACTIVE, ON_TIME, EMPTY)).isEqualTo("critical");
    }

    @Test
    void kafkaDownAPausedSenderOrALongBacklogIsDegraded() {
        assertThat(HealthVerdict.overall("UP", "DOWN", ACTIVE, ON_TIME, EMPTY)).isEqualTo("degraded");
        assertThat(HealthVerdict.overall("UP", "UP", List.of(new HealthReport.SenderHealth("1", "PAUSED", "spam", null, null)),
            ON_TIME, EMPTY)).isEqualTo("degraded");
        assertThat(HealthVerdict.overall("UP", "UP", ACTIVE, new HealthReport.Queue(10, 3, 61), EMPTY)).isEqualTo("degraded");
        assertThat(HealthVerdict.overall("UP", "UP", ACTIVE, ON_TIME, new HealthReport.Outbox(5, 61))).isEqualTo("degraded");
    }
}
