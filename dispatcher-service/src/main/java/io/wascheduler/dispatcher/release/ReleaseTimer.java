package io.wascheduler.dispatcher.release;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The last step before release: records due within the release horizon (the smallest tier span, about a
 * second) wait here and come out at their instant, never before. It also knows which source offsets are
 * still waiting, so that a stage commits no offset past a record it has not released yet; several records may share
 * one source offset (the members of a tier batch), and the offset waits until the last of them is released.
 * Not thread-safe: each stage owns one and uses it from its own thread.
 *
 * @param <P> source partition
 * @param <T> what is released
 */
public final class ReleaseTimer<P, T> {

    private final Clock clock;
    private final PriorityQueue<Pending<P, T>> byDueTime = new PriorityQueue<>(ReleaseTimer::earlierFirst);
    /** Per partition, each waiting source offset with the number of records waiting from it. */
    private final Map<P, TreeMap<Long, Integer>> pendingOffsets = new HashMap<>();
    private long sequence;

    public ReleaseTimer(Clock clock) {
        this.clock = clock;
    }

    public void add(P partition, long offset, Instant dueAt, T item) {
        byDueTime.add(new Pending<>(partition, offset, dueAt, item, sequence++));
        addOffset(partition, offset);
    }

    /**
     * Offers every record whose instant has been reached to {@code release}, earliest first. A record it
     * accepts is gone; the first one it refuses (e.g. its cancellation state is not known yet) stays, and so
     * do all after it, without being taken out: a gate that is not ready yet costs one look, not a re-sort
     * of everything due. {@code release} may add records.
     */
    public void releaseDue(Predicate<Pending<P, T>> release) {
        Instant now = clock.instant();
        while (!byDueTime.isEmpty() && !byDueTime.peek().dueAt().isAfter(now)) {
            Pending<P, T> pending = byDueTime.poll();
            removeOffset(pending);
            if (!release.test(pending)) {
                byDueTime.add(pending);
                addOffset(pending.partition(), pending.offset());
                return;
            }
        }
    }

    private void addOffset(P partition, long offset) {
        pendingOffsets.computeIfAbsent(partition, p -> new TreeMap<>()).merge(offset, 1, Integer::sum);
    }

    private void removeOffset(Pending<P, T> pending) {
        TreeMap<Long, Integer> offsets = pendingOffsets.get(pending.partition());
        offsets.computeIfPresent(pending.offset(), (offset, waiting) -> waiting == 1 ? null : waiting - 1);
        if (offsets.isEmpty()) {
            pendingOffsets.remove(pending.partition());
        }
    }

    /** The lowest source offset of {@code partition} still waiting, if any: the most a stage may commit. */
    public OptionalLong lowestPendingOffset(P partition) {
        TreeMap<Long, Integer> offsets = pendingOffsets.get(partition);
        return offsets == null ? OptionalLong.empty() : OptionalLong.of(offsets.firstKey());
    }

    public Optional<Instant> nextDueAt() {
        return Optional.ofNullable(byDueTime.peek()).map(Pending::dueAt);
    }

    /** Forgets the records of partitions this stage no longer owns; their new owner reads them again. */
    public void forget(Collection<P> partitions) {
        byDueTime.removeIf(pending -> partitions.contains(pending.partition()));
        partitions.forEach(pendingOffsets::remove);
    }

    public int size() {
        return byDueTime.size();
    }

    /**
     * Due time, then arrival. Written out rather than composed from {@code Comparator.comparing}: a backlog due at
     * once puts a hundred thousand records here, and the composed comparator was 4 % of the dispatcher's CPU samples
     * while it drained them.
     */
    private static int earlierFirst(Pending<?, ?> first, Pending<?, ?> second) {
        int byDueAt = first.dueAt().compareTo(second.dueAt());
        return byDueAt != 0 ? byDueAt : Long.compare(first.sequence(), second.sequence());
    }

    public record Pending<P, T>(P partition, long offset, Instant dueAt, T item, long sequence) {
    }
}
