package io.wascheduler.sandbox.webhook;

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

import io.wascheduler.sandbox.config.StatusSettings;
import io.wascheduler.sandbox.send.MetaError;
import io.wascheduler.sandbox.webhook.StatusEvent.Kind;
import io.wascheduler.sandbox.webhook.StatusPlanner.PlannedStatus;
import org.junit.jupiter.api.Test;

import static io.wascheduler.sandbox.webhook.Messages.ACCEPTED_AT;
import static org.assertj.core.api.Assertions.assertThat;

class StatusPlannerTest {

    /** Always draws 0.5: a probability of 1 always happens, of 0 never, of 0.4 not. */
    private static final RandomGenerator HALF = () -> Long.MIN_VALUE;

    private static StatusSettings settings(double delivered, double read, double duplicate, double reorder) {
        return new StatusSettings(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(150), delivered,
                read, duplicate, reorder, 1, Duration.ofMillis(20));
    }

    @Test
    void anAcceptedMessageIsSentThenDeliveredThenReadEachAfterItsDelay() {
        List<PlannedStatus> plan = StatusPlanner.plan(Messages.aText(), settings(1, 1, 0, 0), HALF);
        assertThat(plan).extracting(p -> p.event().kind()).containsExactly(Kind.SENT, Kind.DELIVERED, Kind.READ);
        assertThat(plan).extracting(p -> p.event().occurredAt()).containsExactly(ACCEPTED_AT.plusMillis(50),
                ACCEPTED_AT.plusMillis(150), ACCEPTED_AT.plusMillis(300));
        assertThat(plan).allMatch(p -> p.postAt().equals(p.event().occurredAt()));
    }

    @Test
    void deliveredAndReadHappenOnlyWithTheirProbability() {
        assertThat(StatusPlanner.plan(Messages.aText(), settings(0.4, 1, 0, 0), HALF))
                .extracting(p -> p.event().kind()).containsExactly(Kind.SENT);
        assertThat(StatusPlanner.plan(Messages.aText(), settings(1, 0.4, 0, 0), HALF))
                .extracting(p -> p.event().kind()).containsExactly(Kind.SENT, Kind.DELIVERED);
    }

    @Test
    void aMessageBoundToFailGetsOnlyAFailedStatus() {
        List<PlannedStatus> plan = StatusPlanner.plan(Messages.aFailing(MetaError.MESSAGE_UNDELIVERABLE),
                settings(1, 1, 0, 0), HALF);
        assertThat(plan).extracting(p -> p.event().kind()).containsExactly(Kind.FAILED);
    }

    @Test
    void duplicatesPostEachStatusAgainAfterTheOriginal() {
        List<PlannedStatus> plan = StatusPlanner.plan(Messages.aText(), settings(1, 0, 1, 0), HALF);
        assertThat(plan).extracting(p -> p.event().kind())
                .containsExactly(Kind.SENT, Kind.SENT, Kind.DELIVERED, Kind.DELIVERED);
        assertThat(plan.get(1).postAt()).isAfter(plan.get(0).postAt());
        assertThat(plan.get(1).event()).isEqualTo(plan.get(0).event());
    }

    @Test
    void reorderingPostsTheLatestStatusFirstButKeepsWhenEachHappened() {
        List<PlannedStatus> plan = StatusPlanner.plan(Messages.aText(), settings(1, 1, 0, 1), HALF);
        PlannedStatus sent = plan.get(0);
        PlannedStatus read = plan.get(2);
        assertThat(sent.event().kind()).isEqualTo(Kind.SENT);
        assertThat(read.event().kind()).isEqualTo(Kind.READ);
        assertThat(read.postAt()).isBefore(sent.postAt());
        assertThat(sent.event().occurredAt()).isBefore(read.event().occurredAt());
    }
}
