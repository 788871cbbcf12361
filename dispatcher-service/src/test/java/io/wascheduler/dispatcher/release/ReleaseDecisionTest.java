package io.wascheduler.dispatcher.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.dispatcher.command.CommandFields;
import io.wascheduler.model.content.TextContent;
import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.EventPayload;
import io.wascheduler.model.event.MessageCancelled;
import io.wascheduler.model.event.MessageScheduled;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleaseDecisionTest {

    @Test
    void aMessageWithNoKnownCommandIsReleased() {
        assertThat(ReleaseDecision.of(1, null)).isEqualTo(ReleaseDecision.RELEASE);
    }

    @Test
    void theLatestVersionIsReleased() {
        assertThat(ReleaseDecision.of(2, envelope(scheduled(2)))).isEqualTo(ReleaseDecision.RELEASE);
    }

    @Test
    void anEditedMessageIsNotReleasedInItsOldVersion() {
        assertThat(ReleaseDecision.of(1, envelope(scheduled(2)))).isEqualTo(ReleaseDecision.DROP_SUPERSEDED);
    }

    @Test
    void aCancellationOfThisVersionOrALaterOneWins() {
        assertThat(ReleaseDecision.of(1, envelope(cancelled(1)))).isEqualTo(ReleaseDecision.DROP_CANCELLED);
        assertThat(ReleaseDecision.of(1, envelope(cancelled(3)))).isEqualTo(ReleaseDecision.DROP_CANCELLED);
    }

    @Test
    void aCancellationOfAnOlderVersionDoesNotStopANewerOne() {
        assertThat(ReleaseDecision.of(2, envelope(cancelled(1)))).isEqualTo(ReleaseDecision.RELEASE);
    }

    private static MessageScheduled scheduled(long version) {
        return new MessageScheduled("m-1", version, null, "sender-1", "+14155550123",
            new TextContent("Hello", false), Instant.parse("2026-11-22T06:00:00Z"), 4, Map.of());
    }

    private static MessageCancelled cancelled(long version) {
        return new MessageCancelled("m-1", version, null, "sender-1", "user request");
    }

    private static CommandFields envelope(EventPayload payload) {
        return CommandFields.read(EventCodec.encode(EventEnvelope.of("tenant-1", payload, Clock.systemUTC())));
    }
}
