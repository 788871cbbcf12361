package io.wascheduler.dispatcher.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wascheduler.dispatcher.support.SettableClock;
import io.wascheduler.model.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TierLadderTest {

    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    private final SettableClock clock = new SettableClock(NOW);
    private final TierLadder ladder = new TierLadder(
        List.of(Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(16)), clock);

    @Test
    void aRecordGoesToTheLargestTierNotLongerThanItsRemainingTime() {
        assertThat(ladder.tierFor(NOW.plusSeconds(5))).contains(Duration.ofSeconds(4));
        assertThat(ladder.tierFor(NOW.plusSeconds(4))).contains(Duration.ofSeconds(4));
        assertThat(ladder.tierFor(NOW.plusMillis(3_999))).contains(Duration.ofSeconds(1));
        assertThat(ladder.tierFor(NOW.plus(Duration.ofDays(3)))).contains(Duration.ofSeconds(16));
    }

    @Test
    void aRecordDueWithinTheSmallestSpanGoesToTheReleaseTimer() {
        assertThat(ladder.tierFor(NOW.plusMillis(999))).isEmpty();
        assertThat(ladder.tierFor(NOW)).isEmpty();
    }

    @Test
    void aRecordWrittenWhereThereIsNoReleaseTimerTakesTheSmallestTierWhenDueWithinIt() {
        assertThat(ladder.tierOrSmallest(NOW.plusMillis(999))).isEqualTo(Duration.ofSeconds(1));
        assertThat(ladder.tierOrSmallest(NOW.minusSeconds(5))).isEqualTo(Duration.ofSeconds(1));
        assertThat(ladder.tierOrSmallest(NOW.plusSeconds(5))).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void aRecordAlreadyDueIsReleasedAtOnceNotRejected() {
        assertThat(ladder.tierFor(NOW.minus(Duration.ofHours(2)))).isEmpty();
    }

    @Test
    void noTierHoldCanCarryARecordPastItsInstant() {
        for (long millis = 0; millis < 40_000; millis += 37) {
            Instant due = NOW.plusMillis(millis);
            ladder.tierFor(due).ifPresent(span -> assertThat(ladder.holdEnds(NOW, span)).isBeforeOrEqualTo(due));
        }
    }

    @Test
    void aHoldEndsOneSpanAfterTheRecordWasAppended() {
        Instant appended = NOW.minusMillis(300);
        Instant ends = ladder.holdEnds(appended, Duration.ofSeconds(1));

        assertThat(ends).isEqualTo(NOW.plusMillis(700));
        assertThat(ladder.reached(ends)).isFalse();
        clock.advance(Duration.ofMillis(700));
        assertThat(ladder.reached(ends)).isTrue();
    }

    @Test
    void theDefaultLadderReachesAYearAheadInTiersOfFourTimesTheLast() {
        TierLadder defaults = new TierLadder(Topics.DEFAULT_DELAY_LADDER, clock);

        assertThat(defaults.releaseHorizon()).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.tierFor(NOW.plus(Duration.ofDays(365)))).contains(defaults.spans().getLast());
    }

    @Test
    void aLadderWithoutPositiveSpansIsRefused() {
        assertThatThrownBy(() -> new TierLadder(List.of(Duration.ZERO), clock))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
