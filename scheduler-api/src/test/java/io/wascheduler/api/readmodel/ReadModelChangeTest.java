package io.wascheduler.api.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.model.event.DeliveryStatus;
import io.wascheduler.model.event.EventPayload;
import io.wascheduler.model.event.MessageDispatchFailed;
import io.wascheduler.model.event.MessageDispatched;
import io.wascheduler.model.event.MessageStatusReported;
import io.wascheduler.model.event.MetaError;
import io.wascheduler.model.lifecycle.MessageStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadModelChangeTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final MessageSnapshot SCHEDULED =
        new MessageSnapshot("m1", 1, MessageStatus.SCHEDULED, 0, null, null, null, null, null, null, null);

    @Test
    void aDispatchMarksTheMessageSentWithItsWamidAndAttempt() {
        MessageSnapshot sent = apply(SCHEDULED, dispatched(1, 2));
        assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
        assertThat(sent.wamid()).isEqualTo("wamid.1");
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.sentAt()).isEqualTo(T0);
    }

    @Test
    void deliveredAfterReadKeepsReadButRecordsWhenItWasDelivered() {
        MessageSnapshot read = apply(apply(SCHEDULED, dispatched(1, 1)), status(DeliveryStatus.READ, 1, T0.plusSeconds(5)));
        MessageSnapshot afterDelivered = apply(read, status(DeliveryStatus.DELIVERED, 1, T0.plusSeconds(3)));
        assertThat(afterDelivered.status()).isEqualTo(MessageStatus.READ);
        assertThat(afterDelivered.deliveredAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(afterDelivered.readAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void aDispatchArrivingAfterItsReadAddsSentToTheHistoryWithoutDowngrading() {
        MessageSnapshot read = apply(SCHEDULED, status(DeliveryStatus.READ, 1, T0.plusSeconds(5)));
        ReadModelChange sent = ReadModelChange.of(read, dispatched(1, 1), T0).orElseThrow();
        assertThat(sent.updated().status()).isEqualTo(MessageStatus.READ);
        assertThat(sent.updated().sentAt()).isEqualTo(T0);
        assertThat(sent.recorded()).isEqualTo(MessageStatus.SENT);
        assertThat(sent.at()).isEqualTo(T0);
    }

    @Test
    void metasSentAfterTheDispatchAddsNoSecondSentEntry() {
        MessageSnapshot sent = apply(SCHEDULED, dispatched(1, 1));
        MessageSnapshot confirmed = new MessageSnapshot("m1", 1, MessageStatus.SENT, 1, null, "wamid.1", T0, null, null, null, null);
        assertThat(sent).isEqualTo(confirmed);
        assertThat(ReadModelChange.of(sent, status(DeliveryStatus.SENT, 1, T0.plusSeconds(1)), T0)).isEmpty();
    }

    @Test
    void aDuplicateEventChangesNothing() {
        MessageSnapshot sent = apply(SCHEDULED, dispatched(1, 1));
        assertThat(ReadModelChange.of(sent, dispatched(1, 1), T0)).isEmpty();
    }

    @Test
    void eventsOfAnOlderVersionAreIgnored() {
        MessageSnapshot edited = new MessageSnapshot("m1", 2, MessageStatus.SCHEDULED, 0, null, null, null, null, null, null, null);
        assertThat(ReadModelChange.of(edited, dispatched(1, 1), T0)).isEmpty();
    }

    @Test
    void aRetryableFailureShowsSendingWithTheNextAttempt() {
        MetaError throttled = new MetaError(130429, "Rate limit hit", "Too many messages");
        MessageSnapshot retrying = apply(SCHEDULED,
            new MessageDispatchFailed("m1", 1, null, "s1", 1, throttled, false, T0.plusSeconds(30), null));
        assertThat(retrying.status()).isEqualTo(MessageStatus.SENDING);
        assertThat(retrying.nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(retrying.error()).isEqualTo(throttled);
    }

    @Test
    void aFinalFailureKeepsMetasError() {
        MetaError undeliverable = new MetaError(131026, "Message undeliverable", "Receiver incapable");
        ReadModelChange change = ReadModelChange.of(SCHEDULED,
            new MessageDispatchFailed("m1", 1, null, "s1", 4, undeliverable, true, null, T0), T0).orElseThrow();
        assertThat(change.updated().status()).isEqualTo(MessageStatus.FAILED);
        assertThat(change.updated().failedAt()).isEqualTo(T0);
        assertThat(change.updated().error()).isEqualTo(undeliverable);
        assertThat(change.detail()).isEqualTo("131026 Message undeliverable");
    }

    @Test
    void aStatusWithoutCallbackDataAppliesToTheCurrentVersion() {
        MessageSnapshot sent = apply(SCHEDULED, dispatched(1, 1));
        MessageStatusReported wamidOnly = new MessageStatusReported(null, 0, null, "s1", "wamid.1", DeliveryStatus.DELIVERED,
            T0.plusSeconds(2), "14155550123", List.of(), null, null);
        assertThat(apply(sent, wamidOnly).status()).isEqualTo(MessageStatus.DELIVERED);
    }

    private static MessageSnapshot apply(MessageSnapshot current, EventPayload event) {
        return ReadModelChange.of(current, event, T0).orElseThrow().updated();
    }

    private static MessageDispatched dispatched(long version, int attempt) {
        return new MessageDispatched("m1", version, null, "s1", "+14155550123", "wamid.1", attempt, T0);
    }

    private static MessageStatusReported status(DeliveryStatus status, long version, Instant at) {
        return new MessageStatusReported("m1", version, null, "s1", "wamid.1", status, at, "14155550123", List.of(), null, null);
    }
}
