package io.wascheduler.dispatcher.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.dispatcher.support.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseTimerTest {

    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    private final SettableClock clock = new SettableClock(NOW);
    private final ReleaseTimer<String, String> timer = new ReleaseTimer<>(clock);

    @Test
    void nothingComesOutBeforeItsInstant() {
        timer.add("p0", 10, NOW.plusMillis(500), "a");

        assertThat(releaseAll()).isEmpty();
        clock.advance(Duration.ofMillis(499));
        assertThat(releaseAll()).isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(releaseAll()).containsExactly("a");
    }

    @Test
    void recordsComeOutInTheOrderOfTheirInstantsNotOfTheirOffsets() {
        timer.add("p0", 10, NOW.plusMillis(300), "late");
        timer.add("p0", 11, NOW.plusMillis(100), "early");
        timer.add("p0", 12, NOW.minusSeconds(5), "overdue");
        clock.advance(Duration.ofSeconds(1));

        assertThat(releaseAll()).containsExactly("overdue", "early", "late");
    }

    @Test
    void recordsDueAtTheSameInstantComeOutInTheOrderTheyArrived() {
        List<String> arrived = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            arrived.add("m" + i);
            timer.add("p" + i % 3, 1_000 - i, NOW.plusMillis(100), "m" + i);
        }
        clock.advance(Duration.ofMillis(100));

        assertThat(releaseAll()).containsExactlyElementsOf(arrived);
    }

    @Test
    void theCommittableOffsetStopsAtTheFirstRecordStillWaiting() {
        timer.add("p0", 10, NOW.plusMillis(300), "late");
        timer.add("p0", 11, NOW.plusMillis(100), "early");
        assertThat(timer.lowestPendingOffset("p0")).hasValue(10);

        clock.advance(Duration.ofMillis(100));
        releaseAll();
        assertThat(timer.lowestPendingOffset("p0")).hasValue(10);

        clock.advance(Duration.ofMillis(200));
        releaseAll();
        assertThat(timer.lowestPendingOffset("p0")).isEmpty();
    }

    @Test
    void anOffsetSharedByRecordsStaysUncommittedUntilTheLastOfThemIsReleased() {
        timer.add("p0", 10, NOW.plusMillis(100), "first of a batch");
        timer.add("p0", 10, NOW.plusMillis(300), "last of a batch");
        timer.add("p0", 11, NOW.plusMillis(100), "after the batch");

        clock.advance(Duration.ofMillis(100));
        assertThat(releaseAll()).containsExactly("first of a batch", "after the batch");
        assertThat(timer.lowestPendingOffset("p0")).hasValue(10);

        clock.advance(Duration.ofMillis(200));
        assertThat(releaseAll()).containsExactly("last of a batch");
        assertThat(timer.lowestPendingOffset("p0")).isEmpty();
    }

    @Test
    void forgottenPartitionsLeaveNothingBehind() {
        timer.add("p0", 1, NOW, "mine");
        timer.add("p1", 1, NOW, "revoked");
        timer.forget(List.of("p1"));

        assertThat(timer.lowestPendingOffset("p1")).isEmpty();
        assertThat(releaseAll()).containsExactly("mine");
    }

    @Test
    void aRefusedRecordStaysDueWithEverythingAfterIt() {
        timer.add("p0", 7, NOW.minusMillis(2), "first");
        timer.add("p0", 8, NOW.minusMillis(1), "second");
        List<String> offered = new ArrayList<>();

        timer.releaseDue(pending -> {
            offered.add(pending.item());
            return false;
        });

        assertThat(offered).containsExactly("first");
        assertThat(timer.size()).isEqualTo(2);
        assertThat(timer.lowestPendingOffset("p0")).hasValue(7);
        assertThat(releaseAll()).containsExactly("first", "second");
    }

    @Test
    void aRecordAddedAgainWhileBeingReleasedKeepsItsOffsetUncommitted() {
        timer.add("p0", 7, NOW, "paused");

        timer.releaseDue(pending -> {
            timer.add(pending.partition(), pending.offset(), NOW.plusSeconds(1), "looked at again");
            return true;
        });

        assertThat(timer.lowestPendingOffset("p0")).hasValue(7);
        assertThat(timer.nextDueAt()).contains(NOW.plusSeconds(1));
    }

    private List<String> releaseAll() {
        List<String> released = new ArrayList<>();
        timer.releaseDue(pending -> released.add(pending.item()));
        return released;
    }
}
