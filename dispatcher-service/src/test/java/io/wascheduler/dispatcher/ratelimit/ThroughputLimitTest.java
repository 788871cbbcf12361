package io.wascheduler.dispatcher.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.dispatcher.support.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThroughputLimitTest {

    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    private final SettableClock clock = new SettableClock(NOW);

    @Test
    void aBacklogGetsTheWholeBudgetOfEverySecondAndNoMore() {
        ThroughputLimit limit = new ThroughputLimit(80, clock);

        assertThat(acquiredOver(limit, Duration.ofSeconds(1))).isEqualTo(80);
        assertThat(acquiredOver(limit, Duration.ofSeconds(1))).isEqualTo(80);
        assertThat(acquiredOver(limit, Duration.ofSeconds(10))).isEqualTo(800);
    }

    @Test
    void sendsArePacedThroughTheSecondRatherThanSentAsOneBurst() {
        ThroughputLimit limit = new ThroughputLimit(100, clock);

        assertThat(acquired(limit, 100)).as("100 ms worth at once, then one per 10 ms").isEqualTo(11);
        assertThat(limit.nextPermitAt()).contains(NOW.plusMillis(10));
        clock.advance(Duration.ofMillis(10));
        assertThat(acquired(limit, 100)).isEqualTo(1);
    }

    @Test
    void noSecondLongWindowEverHoldsMoreThanTheLimit() {
        ThroughputLimit limit = new ThroughputLimit(10, clock);
        int[] sentPerMillisecond = new int[5_000];
        for (int ms = 0; ms < sentPerMillisecond.length; ms++) {
            sentPerMillisecond[ms] = acquired(limit, 3);
            clock.advance(Duration.ofMillis(1));
        }
        for (int start = 0; start + 1_000 <= sentPerMillisecond.length; start++) {
            int inWindow = 0;
            for (int ms = start; ms < start + 1_000; ms++) {
                inWindow += sentPerMillisecond[ms];
            }
            assertThat(inWindow).isLessThanOrEqualTo(10);
        }
    }

    @Test
    void theBudgetComesBackAsTheWindowMoves() {
        ThroughputLimit limit = new ThroughputLimit(2, clock);
        assertThat(acquiredOver(limit, Duration.ofMillis(999))).isEqualTo(2);
        assertThat(limit.tryAcquire()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(limit.tryAcquire()).isTrue();
    }

    @Test
    void throttlingHalvesTheRateAndSuccessWinsItBackStepByStep() {
        ThroughputLimit limit = new ThroughputLimit(80, clock);
        limit.throttled();
        assertThat(limit.currentLimit()).isEqualTo(40);

        limit.succeeded();
        assertThat(limit.currentLimit()).isEqualTo(40);
        clock.advance(Duration.ofSeconds(1));
        limit.succeeded();
        assertThat(limit.currentLimit()).isEqualTo(44);
        for (int second = 0; second < 20; second++) {
            clock.advance(Duration.ofSeconds(1));
            limit.succeeded();
        }
        assertThat(limit.currentLimit()).isEqualTo(80);
    }

    @Test
    void theRateNeverFallsBelowOnePerSecond() {
        ThroughputLimit limit = new ThroughputLimit(3, clock);
        for (int i = 0; i < 5; i++) {
            limit.throttled();
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(limit.currentLimit()).isEqualTo(1);
    }

    @Test
    void aBurstOfThrottledAnswersWithinOneSecondHalvesTheRateOnce() {
        ThroughputLimit limit = new ThroughputLimit(800, clock);
        for (int i = 0; i < 200; i++) {
            limit.throttled();
        }
        assertThat(limit.currentLimit()).isEqualTo(400);

        clock.advance(Duration.ofSeconds(1));
        limit.throttled();
        assertThat(limit.currentLimit()).isEqualTo(200);
    }

    @Test
    void aLimitTakingOverASenderWaitsOutTheSecondThePreviousOwnerMayHaveUsed() {
        ThroughputLimit limit = new ThroughputLimit(10, clock);
        limit.assumeSpentAt(NOW.minusMillis(300));

        assertThat(limit.tryAcquire()).isFalse();
        assertThat(limit.nextPermitAt()).contains(NOW.plusMillis(700));
        clock.advance(Duration.ofMillis(700));
        assertThat(acquiredOver(limit, Duration.ofSeconds(1))).isEqualTo(10);
    }

    @Test
    void aTakeOverLongerThanASecondAgoLeavesTheWholeBudget() {
        ThroughputLimit limit = new ThroughputLimit(10, clock);
        limit.assumeSpentAt(NOW.minusSeconds(5));

        assertThat(acquiredOver(limit, Duration.ofSeconds(1))).isEqualTo(10);
    }

    @Test
    void theRateAchievedIsTheSendsOfTheLastSecond() {
        ThroughputLimit limit = new ThroughputLimit(50, clock);
        acquiredOver(limit, Duration.ofMillis(500));
        assertThat(limit.usedInLastSecond()).isEqualTo(30);

        clock.advance(Duration.ofMillis(1000));
        assertThat(limit.usedInLastSecond()).isZero();
    }

    @Test
    void aNewConfigurationAppliesAtOnce() {
        ThroughputLimit limit = new ThroughputLimit(80, clock);
        limit.throttled();
        limit.reconfigure(1000);

        assertThat(limit.currentLimit()).isEqualTo(1000);
        assertThat(acquiredOver(limit, Duration.ofSeconds(1))).isEqualTo(1000);
    }

    /** A backlog asking every millisecond for {@code span}: how many sends it got. */
    private int acquiredOver(ThroughputLimit limit, Duration span) {
        int acquired = 0;
        for (long ms = 0; ms < span.toMillis(); ms++) {
            acquired += acquired(limit, 1_000);
            clock.advance(Duration.ofMillis(1));
        }
        return acquired;
    }

    private static int acquired(ThroughputLimit limit, int tries) {
        int acquired = 0;
        for (int i = 0; i < tries; i++) {
            acquired += limit.tryAcquire() ? 1 : 0;
        }
        return acquired;
    }
}
