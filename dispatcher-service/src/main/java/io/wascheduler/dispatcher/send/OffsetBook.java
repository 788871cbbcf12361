package io.wascheduler.dispatcher.send;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which consumed records are still being worked on, per partition, so that the committed offset never
 * passes one that is not finished although they finish out of order.
 */
final class OffsetBook {

    private final Map<TopicPartition, TreeSet<Long>> open = new HashMap<>();
    private final Map<TopicPartition, Long> next = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();

    void opened(TopicPartition partition, long offset) {
        open.computeIfAbsent(partition, p -> new TreeSet<>()).add(offset);
        next.merge(partition, offset + 1, Math::max);
    }

    void finished(TopicPartition partition, long offset) {
        TreeSet<Long> offsets = open.get(partition);
        if (offsets != null) {
            offsets.remove(offset);
        }
    }

    /** The offsets that may be committed now and were not yet; marks them committed. */
    Map<TopicPartition, OffsetAndMetadata> takeCommittable() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        next.forEach((partition, nextOffset) -> {
            TreeSet<Long> pending = open.get(partition);
            long safe = pending == null || pending.isEmpty() ? nextOffset : pending.first();
            if (!Long.valueOf(safe).equals(committed.get(partition))) {
                offsets.put(partition, new OffsetAndMetadata(safe));
                committed.put(partition, safe);
            }
        });
        return offsets;
    }

    /** A commit of these partitions failed: their next commit includes them whatever their offset. */
    void uncommitted(Collection<TopicPartition> partitions) {
        partitions.forEach(committed::remove);
    }

    void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(partition -> {
            open.remove(partition);
            next.remove(partition);
            committed.remove(partition);
        });
    }
}
