package io.wascheduler.dispatcher.release;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * How far a reader of a topic has provably read, as an instant: once its position on every partition has
 * reached the end offsets the broker reported to a request sent at {@code t}, it has read every record
 * appended before {@code t}. Every answered probe is kept until the reader reaches it, so a reader behind a
 * flood of appends still proves each older instant as it passes it, instead of chasing the newest end
 * offsets and proving nothing until the flood stops. Not thread-safe: the reader's thread owns it.
 *
 * @param <P> partition
 */
final class TailProgress<P> {

    private final Map<P, Long> positions = new HashMap<>();
    /** Answered probes the reader has not reached yet, oldest first. */
    private final Deque<Probe<P>> unreached = new ArrayDeque<>();
    private Instant lastProbedAt = Instant.MIN;
    private Instant coveredUntil = Instant.MIN;

    /** The end offsets the broker answered to a request sent at {@code sentAt}; probes come in the order sent. */
    void probed(Instant sentAt, Map<P, Long> ends) {
        lastProbedAt = sentAt;
        unreached.addLast(new Probe<>(sentAt, Map.copyOf(ends)));
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
        return wanted.isAfter(lastProbedAt);
    }

    /** When the last probe was sent. */
    Instant lastProbedAt() {
        return lastProbedAt;
    }

    /** True while an answered probe is ahead of the reader: it is behind the appends. */
    boolean isBehindProbes() {
        return !unreached.isEmpty();
    }

    private void advance() {
        while (!unreached.isEmpty() && reached(unreached.peekFirst())) {
            Instant sentAt = unreached.pollFirst().sentAt();
            if (sentAt.isAfter(coveredUntil)) {
                coveredUntil = sentAt;
            }
        }
    }

    private boolean reached(Probe<P> probe) {
        return probe.ends().entrySet().stream()
            .allMatch(end -> positions.getOrDefault(end.getKey(), -1L) >= end.getValue());
    }

    private record Probe<P>(Instant sentAt, Map<P, Long> ends) {
    }
}
