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

    private void releaseAll(String sender, int records) {
        for (int i = 0; i < records; i++) {
            assertThat(pacing.holdUntil(sender)).isEmpty();
            pacing.released(sender);
        }
    }
}
