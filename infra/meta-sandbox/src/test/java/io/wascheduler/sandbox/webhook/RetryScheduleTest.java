package io.wascheduler.sandbox.webhook;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(4, Duration.ofMillis(100), 2.0, Duration.ofMillis(300));

    @Test
    void waitsGrowByTheMultiplierUpToTheCeiling() {
        assertThat(schedule.delayAfter(1)).contains(Duration.ofMillis(100));
        assertThat(schedule.delayAfter(2)).contains(Duration.ofMillis(200));
        assertThat(schedule.delayAfter(3)).contains(Duration.ofMillis(300));
    }

    @Test
    void afterTheLastAttemptThereIsNoRetry() {
        assertThat(schedule.delayAfter(4)).isEmpty();
    }
}
