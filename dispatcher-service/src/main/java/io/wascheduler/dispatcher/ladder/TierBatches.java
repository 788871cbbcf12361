package io.wascheduler.dispatcher.ladder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gathers the records of each sender on their way into a delay tier into one {@link TierBatch} per sender. A batch is
 * complete once its members' instants would span more than {@code span} (it is unpacked into the release timer when its
 * earliest member is within the release horizon, so a longer one would only send its late members round a tier again)
 * or its value would pass
 * {@code maxBytes} (a Kafka record has a size limit); whatever is open is taken with {@link #drain} before the
 * transaction that holds the members' offsets commits. Not thread-safe: one per stage thread, one for the send loop.
 */
final class TierBatches {

    private final Duration span;
    private final int maxBytes;
    private final Map<String, Open> open = new HashMap<>();

    TierBatches(Duration span, int maxBytes) {
        this.span = span;
        this.maxBytes = maxBytes;
    }

    /** Adds a record; answers the sender's batch when this record did not fit in it (it starts the next). */
    Optional<TierBatch> add(LadderRecord record) {
        Open batch = open.get(record.senderId());
        int size = TierBatch.sizeOf(record);
        if (batch != null && batch.takes(record, size)) {
            batch.add(record, size);
            return Optional.empty();
        }
        Open next = new Open(record);
        next.add(record, size);
        open.put(record.senderId(), next);
        return batch == null ? Optional.empty() : Optional.of(batch.close());
    }

    /** Every open batch, to be written now; none stays open. */
    List<TierBatch> drain() {
        List<TierBatch> drained = new ArrayList<>(open.size());
        open.values().forEach(batch -> drained.add(batch.close()));
        open.clear();
        return drained;
    }

    /** Forgets what is open: the transaction it belonged to was aborted, and its records are read again. */
    void clear() {
        open.clear();
    }

    private final class Open {

        private final LadderRecord first;
        private final List<LadderRecord> members = new ArrayList<>();
        private int bytes;

        Open(LadderRecord first) {
            this.first = first;
        }

        boolean takes(LadderRecord record, int size) {
            return bytes + size <= maxBytes && !record.dueAt().isAfter(first.dueAt().plus(span))
                && !record.dueAt().isBefore(first.dueAt());
        }

        void add(LadderRecord record, int size) {
            members.add(record);
            bytes += size;
        }

        TierBatch close() {
            return new TierBatch(members, 0);
        }
    }
}
