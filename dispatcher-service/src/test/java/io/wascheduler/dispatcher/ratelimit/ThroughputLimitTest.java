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
    void aBacklogGetsTheWholeBudgetOfTheSecondAndNoMore() {
        ThroughputLimit limit = new ThroughputLimit(80, clock);

        assertThat(acquired(limit, 200)).isEqualTo(80);
        assertThat(limit.nextPermitAt()).contains(NOW.plusSeconds(1));
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
        acquired(limit, 2);
        clock.advance(Duration.ofMillis(999));
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
        }
        assertThat(limit.currentLimit()).isEqualTo(1);
    }

    @Test
    void aNewConfigurationAppliesAtOnce() {
        ThroughputLimit limit = new ThroughputLimit(80, clock);
        limit.throttled();
        limit.reconfigure(1000);

        assertThat(limit.currentLimit()).isEqualTo(1000);
        assertThat(acquired(limit, 1500)).isEqualTo(1000);
    }

    private static int acquired(ThroughputLimit limit, int tries) {
        int acquired = 0;
        for (int i = 0; i < tries; i++) {
            acquired += limit.tryAcquire() ? 1 : 0;
        }
        return acquired;
    }
}
