package io.wascheduler.dispatcher.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.dispatcher.support.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReleasePacingTest {

    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    private final SettableClock clock = new SettableClock(NOW);
    private final ReleasePacing pacing = new ReleasePacing(Map.of("fast", 500, "slow", 10)::get, Duration.ofSeconds(2),
        clock);

    @Test
    void aSendersBacklogDueAtOnceIsReleasedUpToTwoSecondsOfItsRateAndTheRestWaitsForItsTurn() {
        int releasedNow = 0;
        Optional<Instant> firstHeld = Optional.empty();
        while (firstHeld.isEmpty()) {
            firstHeld = pacing.holdUntil("fast");
            if (firstHeld.isEmpty()) {
                pacing.released("fast");
                releasedNow++;
            }
        }

        assertThat(releasedNow).isEqualTo(1_001);
        assertThat(firstHeld).as("slot 2.002 s, back 1 s before it").contains(NOW.plusMillis(1_002));
        assertThat(pacing.holdUntil("fast")).contains(NOW.plusMillis(1_004));
    }

    @Test
    void eachSenderHasItsOwnTurns() {
        releaseAll("slow", 21);

        assertThat(pacing.holdUntil("slow")).as("the 22nd at 10/s").contains(NOW.plusMillis(1_100));
        assertThat(pacing.holdUntil("fast")).isEmpty();
    }

    @Test
    void aSenderIdleForAWhileStartsAgainFromNowWithoutCreditForTheIdleTime() {
        releaseAll("slow", 21);
        clock.advance(Duration.ofMinutes(1));

        releaseAll("slow", 21);
        assertThat(pacing.holdUntil("slow")).contains(clock.instant().plusMillis(1_100));
    }

    @Test
    void aRecordNotReleasedAfterAllTakesNoSlot() {
        releaseAll("slow", 20);

        assertThat(pacing.holdUntil("slow")).as("asked, then kept back by the gate").isEmpty();
        assertThat(pacing.holdUntil("slow")).as("asked again").isEmpty();
        pacing.released("slow");
        assertThat(pacing.holdUntil("slow")).contains(NOW.plusMillis(1_100));
    }

    @Test
    void aMessageSentBackFromAFullLaneComesBackOnceAfterEveryTurnAlreadyGivenAndTheNextOnesAtTheRateAchieved() {
        releaseAll("fast", 1_001);
        Instant lastHeld = NOW;
        for (int i = 0; i < 10_000; i++) {
            lastHeld = pacing.holdUntil("fast").orElseThrow();
        }
        Instant lastSlot = lastHeld.plusSeconds(1);

        Instant lane = NOW.plusSeconds(1);
        assertThat(pacing.turnAfterFullLane("fast", lane, 400)).as("after the backlog's last slot")
            .isEqualTo(lastSlot.plusMillis(2));
        assertThat(pacing.turnAfterFullLane("fast", lane, 400)).as("400/s, not the configured 500/s")
            .isEqualTo(lastSlot.plusNanos(4_500_000));
        assertThat(pacing.holdUntil("fast")).as("a record released later waits behind them")
            .contains(lastSlot.plusNanos(7_000_000).minusSeconds(1));
    }

    @Test
    void aMessageSentBackFromAFullLaneWithoutABacklogComesBackWhenTheLaneHasRoom() {
        Instant halfDrained = NOW.plusSeconds(1);

        assertThat(pacing.turnAfterFullLane("fast", halfDrained, 500)).isEqualTo(halfDrained);
        assertThat(pacing.turnAfterFullLane("fast", halfDrained, 500)).isEqualTo(halfDrained.plusMillis(2));

        Instant later = NOW.plusSeconds(60).plusSeconds(1);
        assertThat(pacing.turnAfterFullLane("fast", later, 500)).as("turns left in the past are not reused")
            .isEqualTo(later);
    }

    @Test
    void whileASendersLaneIsFullItsRecordsDueForReleaseTakeTurnsBehindItUntilTheLaneShouldHaveRoom() {
        Instant hasRoomAt = NOW.plusSeconds(1);
        assertThat(pacing.turnWhileLaneFull("fast")).as("no lane reported full").isEmpty();

        pacing.turnAfterFullLane("fast", hasRoomAt, 400);

        assertThat(pacing.turnWhileLaneFull("fast")).contains(hasRoomAt.plusNanos(2_500_000));
        assertThat(pacing.turnWhileLaneFull("fast")).contains(hasRoomAt.plusNanos(5_000_000));
        assertThat(pacing.turnWhileLaneFull("slow")).as("another sender's lane").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(pacing.turnWhileLaneFull("fast")).as("the report lapses").isEmpty();
    }

    private void releaseAll(String sender, int records) {
        for (int i = 0; i < records; i++) {
            assertThat(pacing.holdUntil(sender)).isEmpty();
            pacing.released(sender);
        }
    }
}
