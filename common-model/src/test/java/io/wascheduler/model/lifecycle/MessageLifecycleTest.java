package io.wascheduler.model.lifecycle;

import static io.wascheduler.model.lifecycle.MessageStatus.CANCELLED;
import static io.wascheduler.model.lifecycle.MessageStatus.DELIVERED;
import static io.wascheduler.model.lifecycle.MessageStatus.FAILED;
import static io.wascheduler.model.lifecycle.MessageStatus.READ;
import static io.wascheduler.model.lifecycle.MessageStatus.SCHEDULED;
import static io.wascheduler.model.lifecycle.MessageStatus.SENDING;
import static io.wascheduler.model.lifecycle.MessageStatus.SENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.model.event.DeliveryStatus;
import io.wascheduler.model.event.MessageDispatchFailed;
import io.wascheduler.model.event.MessageStatusReported;
import io.wascheduler.model.event.MetaError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MessageLifecycleTest {

    private static MessageState at(long version, MessageStatus status) {
        return new MessageState(version, status);
    }

    private static MessageState replay(List<MessageState> events) {
        MessageState state = null;
        for (MessageState event : events) {
            state = MessageLifecycle.merge(state, event);
        }
        return state;
    }

    @Test
    void readBeforeDeliveredBeforeSentEndsRead() {
        assertThat(replay(List.of(at(1, READ), at(1, DELIVERED), at(1, SENT), at(1, SCHEDULED)))).isEqualTo(at(1, READ));
    }

    @Test
    void aDuplicateCallbackChangesNothing() {
        assertThat(replay(List.of(at(1, SCHEDULED), at(1, DELIVERED), at(1, DELIVERED)))).isEqualTo(at(1, DELIVERED));
    }

    @Test
    void aSendThatHappenedOutranksACancelThatCameTooLate() {
        assertThat(replay(List.of(at(1, SCHEDULED), at(1, CANCELLED), at(1, SENT)))).isEqualTo(at(1, SENT));
    }

    @Test
    void aFailedCallbackAfterSentFailsTheMessageButNeverUndoesDelivery() {
        assertThat(replay(List.of(at(1, SENT), at(1, FAILED)))).isEqualTo(at(1, FAILED));
        assertThat(replay(List.of(at(1, DELIVERED), at(1, FAILED)))).isEqualTo(at(1, DELIVERED));
    }

    @Test
    void aRetryStartsOverAndLateCallbacksOfTheOldVersionAreIgnored() {
        assertThat(replay(List.of(at(1, FAILED), at(2, SCHEDULED), at(1, READ)))).isEqualTo(at(2, SCHEDULED));
    }

    @Test
    void anyOrderOfTheSameEventsEndsInTheSameState() {
        List<MessageState> events = new ArrayList<>(List.of(at(1, SCHEDULED), at(1, SENT), at(1, DELIVERED),
            at(2, SCHEDULED), at(2, SENT), at(2, READ), at(2, DELIVERED), at(2, DELIVERED)));
        MessageState expected = at(2, READ);
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            Collections.shuffle(events, random);
            assertThat(replay(events)).isEqualTo(expected);
        }
    }

    @Test
    void aRetryableDispatchFailureShowsTheMessageSendingAndAFinalOneFailed() {
        var retryable = new MessageDispatchFailed("m", 1, null, "s", 1, new MetaError(130429, "Rate limit hit", null),
            false, Instant.EPOCH, Instant.EPOCH);
        var finalFailure = new MessageDispatchFailed("m", 1, null, "s", 4, new MetaError(131026, "Undeliverable", null),
            true, null, Instant.EPOCH);

        assertThat(MessageLifecycle.observedBy(retryable)).contains(at(1, SENDING));
        assertThat(MessageLifecycle.observedBy(finalFailure)).contains(at(1, FAILED));
    }

    @Test
    void aMessageBeingRetriedStaysSendingUntilItIsSentFailsOrIsCancelledWhateverTheOrder() {
        assertThat(replay(List.of(at(1, SCHEDULED), at(1, SENDING), at(1, SENDING)))).isEqualTo(at(1, SENDING));
        assertThat(replay(List.of(at(1, SENT), at(1, SENDING), at(1, SCHEDULED)))).isEqualTo(at(1, SENT));
        assertThat(replay(List.of(at(1, SENDING), at(1, FAILED)))).isEqualTo(at(1, FAILED));
        assertThat(replay(List.of(at(1, CANCELLED), at(1, SENDING)))).isEqualTo(at(1, CANCELLED));
    }

    @Test
    void aNewVersionRestartsAMessageBeingRetriedAtScheduled() {
        assertThat(replay(List.of(at(1, SENDING), at(2, SCHEDULED), at(1, SENDING)))).isEqualTo(at(2, SCHEDULED));
    }

    @Test
    void webhookStatusesMapOntoTheLifecycle() {
        var read = new MessageStatusReported("m", 3, null, "s", "wamid.X", DeliveryStatus.READ, Instant.EPOCH, "1",
            List.of(), null, null);

        assertThat(MessageLifecycle.observedBy(read)).contains(at(3, READ));
    }
}
