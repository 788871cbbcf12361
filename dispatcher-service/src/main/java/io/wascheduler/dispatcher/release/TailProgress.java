package io.wascheduler.dispatcher.release;

import java.time.Duration;
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
    /**
     * While answered probes are still ahead of the reader, a newer one only helps instants beyond them: asking at
     * every pass would cost a round trip per pass and slow a reader already behind a flood further.
     */
    private final Duration spacingWhileBehind;
    /** Answered probes the reader has not reached yet, oldest first. */
    private final Deque<Probe<P>> unreached = new ArrayDeque<>();
    private Instant lastProbedAt = Instant.MIN;
    private Instant coveredUntil = Instant.MIN;

    TailProgress(Duration spacingWhileBehind) {
        this.spacingWhileBehind = spacingWhileBehind;
    }

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

    /**
     * True when a probe sent {@code now} is worth its round trip: the last one was sent before {@code wanted}, so it
     * cannot prove that instant, and, while the reader is behind an answered probe, it was sent the spacing ago.
     */
    boolean needsProbeFor(Instant wanted, Instant now) {
        return wanted.isAfter(lastProbedAt)
            && (unreached.isEmpty() || !now.isBefore(lastProbedAt.plus(spacingWhileBehind)));
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
