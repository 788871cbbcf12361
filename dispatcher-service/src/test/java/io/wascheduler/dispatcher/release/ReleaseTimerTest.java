package io.wascheduler.dispatcher.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.dispatcher.support.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseTimerTest {

    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    private final SettableClock clock = new SettableClock(NOW);
    private final ReleaseTimer<String, String> timer = new ReleaseTimer<>(clock);

    @Test
    void nothingComesOutBeforeItsInstant() {
        timer.add("p0", 10, NOW.plusMillis(500), "a");

        assertThat(timer.takeDue()).isEmpty();
        clock.advance(Duration.ofMillis(499));
        assertThat(timer.takeDue()).isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(timer.takeDue()).extracting(ReleaseTimer.Pending::item).containsExactly("a");
    }

    @Test
    void recordsComeOutInTheOrderOfTheirInstantsNotOfTheirOffsets() {
        timer.add("p0", 10, NOW.plusMillis(300), "late");
        timer.add("p0", 11, NOW.plusMillis(100), "early");
        timer.add("p0", 12, NOW.minusSeconds(5), "overdue");
        clock.advance(Duration.ofSeconds(1));

        assertThat(timer.takeDue()).extracting(ReleaseTimer.Pending::item).containsExactly("overdue", "early", "late");
    }

    @Test
    void theCommittableOffsetStopsAtTheFirstRecordStillWaiting() {
        timer.add("p0", 10, NOW.plusMillis(300), "late");
        timer.add("p0", 11, NOW.plusMillis(100), "early");
        assertThat(timer.lowestPendingOffset("p0")).hasValue(10);

        clock.advance(Duration.ofMillis(100));
        timer.takeDue();
        assertThat(timer.lowestPendingOffset("p0")).hasValue(10);

        clock.advance(Duration.ofMillis(200));
        timer.takeDue();
        assertThat(timer.lowestPendingOffset("p0")).isEmpty();
    }

    @Test
    void forgottenPartitionsLeaveNothingBehind() {
        timer.add("p0", 1, NOW, "mine");
        timer.add("p1", 1, NOW, "revoked");
        timer.forget(List.of("p1"));

        assertThat(timer.lowestPendingOffset("p1")).isEmpty();
        assertThat(timer.takeDue()).extracting(ReleaseTimer.Pending::item).containsExactly("mine");
    }

    @Test
    void aRecordPutBackWaitsAgain() {
        timer.add("p0", 7, NOW, "a");
        ReleaseTimer.Pending<String, String> taken = timer.takeDue().getFirst();
        timer.putBack(taken);

        assertThat(timer.size()).isEqualTo(1);
        assertThat(timer.lowestPendingOffset("p0")).hasValue(7);
        assertThat(timer.nextDueAt()).contains(NOW);
    }
}
