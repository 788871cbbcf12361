package io.wascheduler.dispatcher.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.dispatcher.command.CommandFields;
import io.wascheduler.model.event.EventType;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeptCommandTest {

    @Test
    void aFirstScheduleIsNotKeptBecauseTheCheckReleasesItsVersionWithOrWithoutIt() {
        CommandFields first = command(EventType.MESSAGE_SCHEDULED, 1);

        assertThat(KeptCommand.of(first)).isEmpty();
        assertThat(ReleaseDecision.of(1, first)).isEqualTo(ReleaseDecision.of(1, null)).isEqualTo(ReleaseDecision.RELEASE);
    }

    @Test
    void anEditAndACancelAreKeptForTheCheck() {
        CommandFields edit = command(EventType.MESSAGE_SCHEDULED, 2);
        CommandFields cancel = command(EventType.MESSAGE_CANCELLED, 1);

        assertThat(KeptCommand.of(edit)).hasValueSatisfying(kept -> {
            assertThat(kept.version()).isEqualTo(2);
            assertThat(ReleaseDecision.of(1, kept.version(), kept.cancels())).isEqualTo(ReleaseDecision.DROP_SUPERSEDED);
        });
        assertThat(KeptCommand.of(cancel)).hasValueSatisfying(kept ->
            assertThat(ReleaseDecision.of(1, kept.version(), kept.cancels())).isEqualTo(ReleaseDecision.DROP_CANCELLED));
    }

    private static CommandFields command(EventType type, long version) {
        return new CommandFields(UUID.randomUUID(), type, "m1", version, null, "sender", Instant.EPOCH);
    }
}
