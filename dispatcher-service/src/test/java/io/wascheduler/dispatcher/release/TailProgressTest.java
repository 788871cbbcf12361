package io.wascheduler.dispatcher.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TailProgressTest {

    private static final Instant PROBE = Instant.parse("2026-11-22T06:00:00.000Z");
    private static final Duration SPACING_WHILE_BEHIND = Duration.ofMillis(10);
    private final TailProgress<Integer> progress = new TailProgress<>(SPACING_WHILE_BEHIND);

    @Test
    void nothingIsCoveredBeforeTheFirstProbe() {
        progress.readUpTo(0, 100);

        assertThat(progress.coveredUntil()).isEqualTo(Instant.MIN);
    }

    @Test
    void aProbeCoversItsInstantOnlyOnceEveryPartitionIsReadUpToTheEndItReported() {
        progress.readUpTo(0, 10);
        progress.readUpTo(1, 3);
        progress.probed(PROBE, Map.of(0, 10L, 1, 5L));

        assertThat(progress.coveredUntil()).isEqualTo(Instant.MIN);
        progress.readUpTo(1, 5);
        assertThat(progress.coveredUntil()).isEqualTo(PROBE);
    }

    @Test
    void aLaterProbeNotYetReachedKeepsTheEarlierCoverage() {
        progress.probed(PROBE, Map.of(0, 10L));
        progress.readUpTo(0, 10);
        progress.probed(PROBE.plusMillis(50), Map.of(0, 12L));

        assertThat(progress.coveredUntil()).isEqualTo(PROBE);
        assertThat(progress.needsProbeFor(PROBE.plusMillis(50), PROBE.plusMillis(60))).isFalse();
        progress.readUpTo(0, 12);
        assertThat(progress.coveredUntil()).isEqualTo(PROBE.plusMillis(50));
    }

    @Test
    void anInstantLaterInTheSameMillisecondAsTheLastProbeStillAsksForAnotherProbe() {
        progress.readUpTo(0, 4);
        progress.probed(PROBE.plusNanos(570_000), Map.of(0, 4L));

        assertThat(progress.coveredUntil()).isEqualTo(PROBE.plusNanos(570_000));
        assertThat(progress.needsProbeFor(PROBE.plusNanos(900_000), PROBE.plusMillis(1))).isTrue();
        assertThat(progress.needsProbeFor(PROBE.plusNanos(570_000), PROBE.plusMillis(1))).isFalse();
    }

    @Test
    void aReaderBehindTheAppendsProvesEachOlderProbeAsItPassesItRatherThanOnlyTheNewest() {
        progress.readUpTo(0, 0);
        progress.probed(PROBE, Map.of(0, 100L));
        progress.probed(PROBE.plusMillis(20), Map.of(0, 700L));
        progress.probed(PROBE.plusMillis(40), Map.of(0, 1_300L));

        progress.readUpTo(0, 100);
        assertThat(progress.coveredUntil()).isEqualTo(PROBE);
        progress.readUpTo(0, 900);
        assertThat(progress.coveredUntil()).isEqualTo(PROBE.plusMillis(20));
        progress.readUpTo(0, 1_300);
        assertThat(progress.coveredUntil()).isEqualTo(PROBE.plusMillis(40));
    }

    @Test
    void aReaderBehindAnAnsweredProbeAsksForANewerOneOnlyOnceTheSpacingHasPassed() {
        progress.readUpTo(0, 0);
        progress.probed(PROBE, Map.of(0, 100L));
        Instant wanted = PROBE.plusMillis(5);

        assertThat(progress.needsProbeFor(wanted, PROBE.plusMillis(5))).isFalse();
        assertThat(progress.needsProbeFor(wanted, PROBE.plusMillis(10))).isTrue();
        progress.readUpTo(0, 100);
        assertThat(progress.needsProbeFor(wanted, PROBE.plusMillis(5))).as("caught up: at once").isTrue();
    }
}
