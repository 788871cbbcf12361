package io.wascheduler.dispatcher.release;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * How far a reader of a topic has provably read, as an instant: once its position on every partition has
 * reached the end offsets the broker reported to a request sent at {@code t}, it has read every record
 * appended before {@code t}. Not thread-safe: the reader's thread owns it.
 *
 * @param <P> partition
 */
final class TailProgress<P> {

    private final Map<P, Long> positions = new HashMap<>();
    private Instant probedAt = Instant.MIN;
    private Map<P, Long> probedEnds = Map.of();
    private Instant coveredUntil = Instant.MIN;

    /** The end offsets the broker answered to a request sent at {@code sentAt}. */
    void probed(Instant sentAt, Map<P, Long> ends) {
        probedAt = sentAt;
        probedEnds = Map.copyOf(ends);
        advance();
    }

    /** The reader's position on {@code partition} (the offset of the next record it will read). */
    void readUpTo(P partition, long position) {
        positions.put(partition, position);
        advance();
    }

    /** Every record appended before this instant has been read. */
    Instant coveredUntil() {
        return coveredUntil;
    }

    /** True unless the last probe was sent at or after {@code wanted}, so it can prove that instant. */
    boolean needsProbeFor(Instant wanted) {
        return wanted.isAfter(probedAt);
    }

    private void advance() {
        boolean reached = probedEnds.entrySet().stream()
            .allMatch(end -> positions.getOrDefault(end.getKey(), -1L) >= end.getValue());
        if (reached && probedAt.isAfter(coveredUntil)) {
            coveredUntil = probedAt;
        }
    }
}
