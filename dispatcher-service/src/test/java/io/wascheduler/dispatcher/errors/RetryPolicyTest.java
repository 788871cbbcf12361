package io.wascheduler.dispatcher.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.dispatcher.support.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(
        new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10), 2.0, 0.0, RandomGenerator.getDefault()),
        Duration.ofHours(24), Duration.ofSeconds(6), Duration.ofMinutes(1), Duration.ofSeconds(30), new SettableClock(NOW));

    @Test
    void aTransientFailureIsRetriedWithBackoffUntilTheLastAttempt() {
        assertThat(policy.after(ErrorClass.RETRY, 1, 4)).isEqualTo(new RetryPolicy.Next(false, NOW.plusSeconds(2), 2));
        assertThat(policy.after(ErrorClass.RETRY, 3, 4)).isEqualTo(new RetryPolicy.Next(false, NOW.plusSeconds(8), 4));
        assertThat(policy.after(ErrorClass.RETRY, 4, 4).finalFailure()).isTrue();
    }

    @Test
    void aPermanentErrorIsFinalAtOnce() {
        assertThat(policy.after(ErrorClass.PERMANENT, 1, 4).finalFailure()).isTrue();
    }

    @Test
    void reEngagementIsRetriedNoSoonerThanADayLater() {
        assertThat(policy.after(ErrorClass.RETRY_AFTER_RE_ENGAGEMENT, 1, 4).at()).isEqualTo(NOW.plus(Duration.ofHours(24)));
    }

    @Test
    void throttlingAndAStoppedSenderNeverUseUpTheMessagesAttempts() {
        assertThat(policy.after(ErrorClass.THROTTLED, 4, 4).finalFailure()).isFalse();
        assertThat(policy.after(ErrorClass.PAIR_RATE, 4, 4).at()).isEqualTo(NOW.plusSeconds(6));
        assertThat(policy.after(ErrorClass.PAUSE_SENDER, 4, 4).at()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void anAttemptWithoutAnAnswerIsTriedAgainNoSoonerThanTheAnswerCheckDelay() {
        assertThat(policy.after(ErrorClass.UNCONFIRMED, 1, 4)).isEqualTo(new RetryPolicy.Next(false, NOW.plusSeconds(30), 2));
        assertThat(policy.after(ErrorClass.UNCONFIRMED, 3, 8).at()).isEqualTo(NOW.plusSeconds(30));
        assertThat(policy.after(ErrorClass.UNCONFIRMED, 5, 8).at()).isEqualTo(NOW.plusSeconds(32));
        assertThat(policy.after(ErrorClass.UNCONFIRMED, 4, 4).finalFailure()).isTrue();
    }
}
