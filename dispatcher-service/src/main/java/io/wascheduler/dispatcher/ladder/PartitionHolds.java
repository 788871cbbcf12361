package io.wascheduler.dispatcher.ladder;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The partitions a stage holds: a held partition is paused, positioned on the record that is not yet
 * due for review, and resumed at the instant its hold ends. The invariant that keeps a partition from
 * staying paused forever (after a rebalance, a rewind, anything): a paused partition always has a hold,
 * and every pass resumes those that do not.
 */
final class PartitionHolds {

    private final Consumer<String, byte[]> consumer;
    private final TierLadder ladder;
    private final Map<TopicPartition, Instant> endsAt = new HashMap<>();

    PartitionHolds(Consumer<String, byte[]> consumer, TierLadder ladder) {
        this.consumer = consumer;
        this.ladder = ladder;
    }

    void hold(TopicPartition partition, long offset, Instant until) {
        consumer.pause(List.of(partition));
        consumer.seek(partition, offset);
        endsAt.put(partition, until);
    }

    /** Resumes the partitions whose hold is over, and any paused partition without a hold. */
    void resumeFinished() {
        endsAt.entrySet().removeIf(hold -> {
            boolean finished = ladder.reached(hold.getValue());
            if (finished) {
                consumer.resume(List.of(hold.getKey()));
            }
            return finished;
        });
        Set<TopicPartition> strays = new HashSet<>(consumer.paused());
        strays.removeAll(endsAt.keySet());
        if (!strays.isEmpty()) {
            consumer.resume(strays);
        }
    }

    Optional<Instant> nextEnd() {
        return endsAt.values().stream().min(Instant::compareTo);
    }

    int size() {
        return endsAt.size();
    }

    /** Drops the holds of partitions this stage no longer owns (no resume: they may be gone already). */
    void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(endsAt::remove);
    }

    /** Drops the holds of partitions this stage owns and is about to read again from their position. */
    void resume(Collection<TopicPartition> partitions) {
        forget(partitions);
        consumer.resume(partitions);
    }
}
