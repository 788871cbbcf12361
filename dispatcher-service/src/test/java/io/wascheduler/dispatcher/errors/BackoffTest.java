package io.wascheduler.dispatcher.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {

    /** A generator always returning the same double, to pin the jitter. */
    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    @Test
    void theWaitDoublesWithEachAttempt() {
        Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10), 2.0, 0.2, fixed(0.5));

        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.after(4)).isEqualTo(Duration.ofSeconds(16));
    }

    @Test
    void theWaitIsCapped() {
        Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(1), 2.0, 0.2, fixed(0.5));

        assertThat(backoff.after(30)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void jitterMovesTheWaitByAtMostItsFractionEitherWay() {
        Backoff lowest = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(10), 2.0, 0.2, fixed(0.0));
        Backoff highest = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(10), 2.0, 0.2, fixed(0.999_999));

        assertThat(lowest.after(1)).isEqualTo(Duration.ofSeconds(8));
        assertThat(highest.after(1)).isBetween(Duration.ofMillis(11_990), Duration.ofSeconds(12));
    }
}
