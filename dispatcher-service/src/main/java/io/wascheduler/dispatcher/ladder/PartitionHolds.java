package io.wascheduler.dispatcher.ladder;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The partitions a stage holds: a held partition is paused on the record that is not yet due for review and
 * taken up again at the instant its hold ends. The invariant that keeps a partition from staying paused forever
 * (after a rebalance, a rewind, anything): a paused partition always has a hold, and every pass resumes those that
 * do not.
 *
 * <p>A hold ending within {@link #KEEP_FETCHED_WITHIN} keeps the records already fetched from the held one on, and
 * hands them back when it ends; a longer one seeks back to the held record, which is fetched again when it ends. A
 * tier fed steadily has its next record due a few milliseconds after the last: seeking back each time had the stage
 * fetch and parse everything appended in the last span once per record, and the broker read it out as often.
 */
final class PartitionHolds {

    /**
     * How soon a hold must end for the records fetched behind the held one to stay in memory: long enough that a
     * partition fed steadily is fetched once per record, short enough that a tier holding records for hours keeps
     * nothing but its position (what is kept is at most one fetch per partition).
     */
    static final Duration KEEP_FETCHED_WITHIN = Duration.ofSeconds(1);

    private final Consumer<String, byte[]> consumer;
    private final TierLadder ladder;
    private final Map<TopicPartition, Instant> endsAt = new HashMap<>();
    private final Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> kept = new HashMap<>();

    PartitionHolds(Consumer<String, byte[]> consumer, TierLadder ladder) {
        this.consumer = consumer;
        this.ladder = ladder;
    }

    /**
     * Holds {@code partition} at the first of {@code fromHeld} (the records fetched from the held one on, in offset
     * order) until its hold ends at {@code holdEnds}. Kept records are handed back at that instant. A record to be
     * fetched again is looked at {@code fetchWait} before it: a resumed partition is fetched only after the fetch in
     * flight, up to one fetch wait later, so that has it here by the end. Leaving a tier a little early never releases
     * early (the release timer decides that); at worst the record takes the same tier again.
     */
    void hold(TopicPartition partition, List<ConsumerRecord<String, byte[]>> fromHeld, Instant holdEnds,
              Duration fetchWait) {
        consumer.pause(List.of(partition));
        if (ladder.reached(holdEnds.minus(KEEP_FETCHED_WITHIN))) {
            kept.put(partition, fromHeld);
            endsAt.put(partition, holdEnds);
        } else {
            kept.remove(partition);
            consumer.seek(partition, fromHeld.getFirst().offset());
            endsAt.put(partition, holdEnds.minus(fetchWait));
        }
    }

    /**
     * Ends the holds that are over and resumes their partitions, and any paused partition without a hold. Answers
     * the records kept for the partitions resumed, to be handled before the next poll: it fetches what follows them.
     */
    Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> resumeFinished() {
        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> handBack = new HashMap<>();
        endsAt.entrySet().removeIf(hold -> {
            boolean finished = ladder.reached(hold.getValue());
            if (finished) {
                Optional.ofNullable(kept.remove(hold.getKey())).ifPresent(records -> handBack.put(hold.getKey(), records));
                consumer.resume(List.of(hold.getKey()));
            }
            return finished;
        });
        Set<TopicPartition> strays = new HashSet<>(consumer.paused());
        strays.removeAll(endsAt.keySet());
        if (!strays.isEmpty()) {
            consumer.resume(strays);
        }
        return handBack;
    }

    Optional<Instant> nextEnd() {
        return endsAt.values().stream().min(Instant::compareTo);
    }

    /** Records fetched and kept in memory behind held ones: past the consumer's position, not yet looked at. */
    int keptRecords() {
        return kept.values().stream().mapToInt(List::size).sum();
    }

    /** Drops the holds of partitions this stage no longer owns (no resume: they may be gone already). */
    void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(partition -> {
            endsAt.remove(partition);
            kept.remove(partition);
        });
    }

    /** Drops the holds of partitions this stage owns and is about to read again from their position. */
    void resume(Collection<TopicPartition> partitions) {
        forget(partitions);
        consumer.resume(partitions);
    }
}
