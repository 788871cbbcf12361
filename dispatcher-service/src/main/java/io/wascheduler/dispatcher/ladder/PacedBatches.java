package io.wascheduler.dispatcher.ladder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gathers the records held back for their turns into one {@link PacedBatch} per sender. A batch is complete once its
 * turns would span more than {@code span} (it is unpacked into the release timer when its first turn is within the
 * release horizon, so a longer one would only send its late members round a tier again) or its value would pass
 * {@code maxBytes} (a Kafka record has a size limit); whatever is open is taken with {@link #drain} before the
 * transaction that holds the members' offsets commits. Not thread-safe: one per stage thread, one for the send loop.
 */
final class PacedBatches {

    private final Duration span;
    private final int maxBytes;
    private final Map<String, Open> open = new HashMap<>();

    PacedBatches(Duration span, int maxBytes) {
        this.span = span;
        this.maxBytes = maxBytes;
    }

    /** Adds a slotted record; answers the sender's batch when this record did not fit in it (it starts the next). */
    Optional<PacedBatch> add(LadderRecord slotted) {
        Open batch = open.get(slotted.senderId());
        int size = PacedBatch.sizeOf(slotted);
        if (batch != null && batch.takes(slotted, size)) {
            batch.add(slotted, size);
            return Optional.empty();
        }
        Open next = new Open(slotted);
        next.add(slotted, size);
        open.put(slotted.senderId(), next);
        return batch == null ? Optional.empty() : Optional.of(batch.close());
    }

    /** Every open batch, to be written now; none stays open. */
    List<PacedBatch> drain() {
        List<PacedBatch> drained = new ArrayList<>(open.size());
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

        PacedBatch close() {
            return new PacedBatch(members, 0);
        }
    }
}
