package io.wascheduler.dispatcher.ladder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The arithmetic of the delay ladder, free of Kafka. A record due at {@code dueAt} goes to the largest
 * tier whose span is not longer than its remaining time, so that one hold of that span can never carry it
 * past its instant; when less than the smallest span remains it is handed to the release timer.
 */
public final class TierLadder {

    private final List<Duration> spansDescending;
    private final Duration smallest;
    private final Clock clock;

    public TierLadder(List<Duration> spans, Clock clock) {
        if (spans.isEmpty() || spans.stream().anyMatch(span -> span.isZero() || span.isNegative())) {
            throw new IllegalArgumentException("A ladder needs at least one positive span: " + spans);
        }
        this.spansDescending = spans.stream().distinct().sorted(Comparator.reverseOrder()).toList();
        this.smallest = spansDescending.getLast();
        this.clock = clock;
    }

    /** The tier span a record due at {@code dueAt} belongs in now; empty when it is due for the release timer. */
    public Optional<Duration> tierFor(Instant dueAt) {
        Duration remaining = Duration.between(clock.instant(), dueAt);
        return spansDescending.stream().filter(span -> span.compareTo(remaining) <= 0).findFirst();
    }

    /**
     * The tier a record written now goes into: the smallest when it is due within it, since whatever writes it has
     * no release timer of its own (a little late rather than a second timer).
     */
    public Duration tierOrSmallest(Instant dueAt) {
        return tierFor(dueAt).orElse(smallest);
    }

    /** When a record appended to a tier of {@code span} at {@code appendedAt} may be looked at again. */
    public Instant holdEnds(Instant appendedAt, Duration span) {
        return appendedAt.plus(span);
    }

    /** True once {@code instant} is not in the future. */
    public boolean reached(Instant instant) {
        return !clock.instant().isBefore(instant);
    }

    public Duration releaseHorizon() {
        return smallest;
    }

    /** Every span, smallest first. */
    public List<Duration> spans() {
        return spansDescending.reversed();
    }
}
