package io.wascheduler.dispatcher.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

class KeptCommandsTest {

    private final KeptCommands kept = new KeptCommands();
    private final Set<UUID> shownByTable = new HashSet<>();
    private final BiPredicate<String, UUID> tableShows = (messageId, eventId) -> shownByTable.contains(eventId);

    @Test
    void aCommandStaysKeptUntilTheGlobalTableShowsIt() {
        KeptCommand scheduled = command(1, false);
        kept.keep(0, "m-1", scheduled);

        kept.dropShown(tableShows);
        assertThat(kept.latest("m-1")).isEqualTo(scheduled);

        shownByTable.add(scheduled.eventId());
        kept.dropShown(tableShows);
        assertThat(kept.latest("m-1")).isNull();
        assertThat(kept.entries()).isZero();
    }

    @Test
    void theReleaseCheckSeesTheLatestCommandOfAMessage() {
        kept.keep(0, "m-1", command(1, false));
        KeptCommand cancel = command(1, true);
        kept.keep(0, "m-1", cancel);

        assertThat(kept.latest("m-1")).isEqualTo(cancel);
        assertThat(kept.messages()).isEqualTo(1);
    }

    @Test
    void aCommandReplacedByALaterOneLeavesWithoutHidingTheLaterOne() {
        KeptCommand scheduled = command(1, false);
        KeptCommand cancel = command(1, true);
        kept.keep(0, "m-1", scheduled);
        kept.keep(0, "m-1", cancel);
        shownByTable.add(scheduled.eventId());

        kept.dropShown(tableShows);

        assertThat(kept.latest("m-1")).isEqualTo(cancel);
        assertThat(kept.entries()).isEqualTo(1);
    }

    @Test
    void dropsStopAtTheFirstCommandOfAPartitionTheTableDoesNotShowYetButGoOnInOtherPartitions() {
        KeptCommand first = command(1, false);
        KeptCommand second = command(1, false);
        KeptCommand third = command(1, false);
        KeptCommand otherPartition = command(1, false);
        kept.keep(0, "m-1", first);
        kept.keep(0, "m-2", second);
        kept.keep(0, "m-3", third);
        kept.keep(1, "m-4", otherPartition);
        shownByTable.addAll(Set.of(first.eventId(), third.eventId(), otherPartition.eventId()));

        kept.dropShown(tableShows);

        assertThat(kept.latest("m-1")).isNull();
        assertThat(kept.latest("m-2")).isEqualTo(second);
        assertThat(kept.latest("m-3")).isEqualTo(third);
        assertThat(kept.latest("m-4")).isNull();
        assertThat(kept.entries()).isEqualTo(2);
    }

    private static KeptCommand command(long version, boolean cancels) {
        return new KeptCommand(UUID.randomUUID(), version, cancels);
    }
}
