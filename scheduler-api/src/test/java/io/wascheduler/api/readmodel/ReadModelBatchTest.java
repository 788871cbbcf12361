package io.wascheduler.api.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.model.event.DeliveryStatus;
import io.wascheduler.model.event.EventPayload;
import io.wascheduler.model.event.MessageDispatchFailed;
import io.wascheduler.model.event.MessageDispatched;
import io.wascheduler.model.event.MessageStatusReported;
import io.wascheduler.model.event.MetaError;
import io.wascheduler.model.lifecycle.MessageStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class ReadModelBatchTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC);
    private static final MetaError THROTTLED = new MetaError(130429, "Rate limit hit", "Too many messages");

    @Test
    void severalEventsForOneMessageOutOfOrderAndDuplicatedGiveTheRowAndHistoryOfApplyingThemOneByOne() {
        MessageSnapshot scheduled = scheduled("m1");
        List<EventPayload> events = List.of(
            status("m1", DeliveryStatus.READ, T0.plusSeconds(9)),
            new MessageDispatchFailed("m1", 1, null, "s1", 1, THROTTLED, false, T0.plusSeconds(30), T0),
            dispatched("m1", 2),
            status("m1", DeliveryStatus.DELIVERED, T0.plusSeconds(5)),
            dispatched("m1", 2),
            status("m1", DeliveryStatus.READ, T0.plusSeconds(9)),
            wamidOnly("wamid.m1", DeliveryStatus.SENT, T0.plusSeconds(1)));

        ReadModelBatch.Folded folded = ReadModelBatch.fold(List.of(scheduled), events, CLOCK);

        OneByOne expected = OneByOne.apply(scheduled, events);
        assertThat(folded.changed()).containsExactly(expected.row);
        assertThat(folded.historyEntries()).isEqualTo(expected.historyEntries);
        assertThat(expected.row.status()).isEqualTo(MessageStatus.READ);
        assertThat(expected.row.sentAt()).isEqualTo(T0);
        assertThat(expected.row.deliveredAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(expected.row.attempts()).isEqualTo(2);
        assertThat(folded.historyEntries()).extracting(ReadModelChange::recorded)
            .containsExactly(MessageStatus.READ, MessageStatus.SENT, MessageStatus.DELIVERED);
    }

    @Test
    void aStatusKnownOnlyByTheWamidADispatchEarlierInTheSameBatchSetIsApplied() {
        List<EventPayload> events = List.of(dispatched("m1", 1), wamidOnly("wamid.m1", DeliveryStatus.DELIVERED, T0.plusSeconds(3)));

        ReadModelBatch.Folded folded = ReadModelBatch.fold(List.of(scheduled("m1")), events, CLOCK);

        assertThat(folded.changed()).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(MessageStatus.DELIVERED);
            assertThat(row.deliveredAt()).isEqualTo(T0.plusSeconds(3));
        });
        assertThat(folded.historyEntries()).extracting(ReadModelChange::recorded)
            .containsExactly(MessageStatus.SENT, MessageStatus.DELIVERED);
    }

    @Test
    void eventsOfSeveralMessagesEachChangeOnlyTheirOwnRow() {
        List<EventPayload> events = List.of(dispatched("m1", 1), dispatched("m2", 1), status("m1", DeliveryStatus.READ, T0.plusSeconds(4)));

        ReadModelBatch.Folded folded = ReadModelBatch.fold(List.of(scheduled("m1"), scheduled("m2")), events, CLOCK);

        assertThat(folded.changed()).extracting(MessageSnapshot::id, MessageSnapshot::status)
            .containsExactlyInAnyOrder(Tuple.tuple("m1", MessageStatus.READ),
                Tuple.tuple("m2", MessageStatus.SENT));
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        List<EventPayload> events = List.of(dispatched("m1", 1), status("m1", DeliveryStatus.DELIVERED, T0.plusSeconds(2)));
        ReadModelBatch.Folded first = ReadModelBatch.fold(List.of(scheduled("m1")), events, CLOCK);

        ReadModelBatch.Folded again = ReadModelBatch.fold(first.changed(), events, CLOCK);

        assertThat(again.changed()).isEmpty();
        assertThat(again.historyEntries()).isEmpty();
    }

    @Test
    void eventsForMessagesThisServiceNeverStoredAreIgnored() {
        List<EventPayload> events = List.of(dispatched("elsewhere", 1), wamidOnly("wamid.unknown", DeliveryStatus.READ, T0));

        ReadModelBatch.Folded folded = ReadModelBatch.fold(List.of(scheduled("m1")), events, CLOCK);

        assertThat(folded.changed()).isEmpty();
        assertThat(folded.historyEntries()).isEmpty();
    }

    @Test
    void theRowsToLockAreNamedByIdOrOnlyByWamid() {
        ReadModelBatch.Keys keys = ReadModelBatch.keysOf(List.of(dispatched("m1", 1), status("m2", DeliveryStatus.READ, T0),
            wamidOnly("wamid.x", DeliveryStatus.DELIVERED, T0), dispatched("m1", 1)));

        assertThat(keys.ids()).containsExactly("m1", "m2");
        assertThat(keys.wamids()).containsExactly("wamid.x");
    }

    /** The reference: each event applied to the row the previous one left, as one transaction per event did. */
    private record OneByOne(MessageSnapshot row, List<ReadModelChange> historyEntries) {

        static OneByOne apply(MessageSnapshot start, List<EventPayload> events) {
            MessageSnapshot row = start;
            List<ReadModelChange> changes = new ArrayList<>();
            for (EventPayload event : events) {
                Optional<ReadModelChange> change = ReadModelChange.of(row, event, CLOCK.instant());
                if (change.isPresent()) {
                    row = change.get().updated();
                    if (change.get().recordsHistory()) {
                        changes.add(change.get());
                    }
                }
            }
            return new OneByOne(row, changes);
        }
    }

    private static MessageSnapshot scheduled(String id) {
        return new MessageSnapshot(id, 1, MessageStatus.SCHEDULED, 0, null, null, null, null, null, null, null);
    }

    private static MessageDispatched dispatched(String id, int attempt) {
        return new MessageDispatched(id, 1, null, "s1", "+14155550123", "wamid." + id, attempt, T0);
    }

    private static MessageStatusReported status(String id, DeliveryStatus status, Instant at) {
        return new MessageStatusReported(id, 1, null, "s1", "wamid." + id, status, at, "14155550123", List.of(), null, null);
    }

    private static MessageStatusReported wamidOnly(String wamid, DeliveryStatus status, Instant at) {
        return new MessageStatusReported(null, 0, null, "s1", wamid, status, at, "14155550123", List.of(), null, null);
    }
}
