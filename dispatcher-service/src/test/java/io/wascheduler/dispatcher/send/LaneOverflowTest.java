package io.wascheduler.dispatcher.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LaneOverflowTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void aFullLaneSendsItsOverflowBackSpacedAtTheSendersRateFromWhenItIsHalfDrained() {
        LaneOverflow overflow = new LaneOverflow();

        // 2,000 queued at 1,000/s: half drained after 1 s, then one slot per millisecond
        assertThat(overflow.returnAt(NOW, 2_000, 2_000, 1_000)).isEqualTo(NOW.plusMillis(1_001));
        assertThat(overflow.returnAt(NOW, 2_000, 2_000, 1_000)).isEqualTo(NOW.plusMillis(1_002));
        assertThat(overflow.returnAt(NOW, 2_000, 2_000, 1_000)).isEqualTo(NOW.plusMillis(1_003));
    }

    @Test
    void aLargeBacklogComesBackOnceInOrderRatherThanRoundAndRound() {
        LaneOverflow overflow = new LaneOverflow();
        Instant last = Instant.MIN;
        for (int i = 0; i < 58_000; i++) {
            Instant slot = overflow.returnAt(NOW, 2_000, 2_000, 1_000);
            assertThat(slot).isAfter(last);
            last = slot;
        }

        // the 58,000th overflow returns when the 60,000th message's turn comes at 1,000/s, less the half lane
        assertThat(last).isEqualTo(NOW.plusMillis(1_000 + 58_000));
    }

    @Test
    void slotsLeftBehindByADrainedLaneAreNotReusedInThePast() {
        LaneOverflow overflow = new LaneOverflow();
        overflow.returnAt(NOW, 2_000, 2_000, 500);

        Instant later = NOW.plusSeconds(60);

        assertThat(overflow.returnAt(later, 1_500, 2_000, 500)).isEqualTo(later.plusMillis(1_000 + 2));
    }
}
