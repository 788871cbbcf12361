package io.wascheduler.dispatcher.send;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/** Requests awaiting Meta's answer, in all and per source partition (a revoked partition waits for its own). */
final class InFlight {

    private final Map<TopicPartition, Integer> byPartition = new HashMap<>();
    private int total;
    private int peak;

    void started(TopicPartition partition) {
        total++;
        peak = Math.max(peak, total);
        byPartition.merge(partition, 1, Integer::sum);
    }

    void ended(TopicPartition partition) {
        total--;
        byPartition.computeIfPresent(partition, (p, count) -> count > 1 ? count - 1 : null);
    }

    int total() {
        return total;
    }

    /** The most requests ever awaited at once. */
    int peak() {
        return peak;
    }

    boolean anyFrom(Collection<TopicPartition> partitions) {
        return partitions.stream().anyMatch(byPartition::containsKey);
    }
}
