package io.wascheduler.dispatcher.send;

import io.wascheduler.dispatcher.ratelimit.PairRate;
import io.wascheduler.dispatcher.ratelimit.ThroughputLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import org.apache.kafka.common.TopicPartition;

/**
 * One sender's queue with its throughput limit and pair rate. Each sender has its own lane, so a sender
 * out of budget never holds up another sender that shares its partition.
 */
final class SenderLane {

    private static final long MILLIS_PER_SECOND = Duration.ofSeconds(1).toMillis();
    private static final long NANOS_PER_SECOND = Duration.ofSeconds(1).toNanos();

    private final Deque<ReadyMessage> queue = new ArrayDeque<>();
    private final ThroughputLimit throughput;
    private final PairRate pairRate;
    /** How much sending the lane holds, as time at the sender's current rate. */
    private final Duration work;
    private TopicPartition partition;
    private boolean paused;

    SenderLane(ThroughputLimit throughput, PairRate pairRate, Duration work) {
        this.throughput = throughput;
        this.pairRate = pairRate;
        this.work = work;
    }

    ThroughputLimit throughput() {
        return throughput;
    }

    PairRate pairRate() {
        return pairRate;
    }

    boolean paused() {
        return paused;
    }

    /** @return whether this changed the lane's state */
    boolean pause(boolean pause) {
        boolean changed = paused != pause;
        paused = pause;
        return changed;
    }

    void add(ReadyMessage message) {
        partition = message.partition();
        queue.addLast(message);
    }

    ReadyMessage peek() {
        return queue.peekFirst();
    }

    ReadyMessage take() {
        return queue.pollFirst();
    }

    int size() {
        return queue.size();
    }

    /** Whether the lane holds its work's worth of sending at the sender's current rate. */
    boolean isFull() {
        return queue.size() >= capacity();
    }

    /**
     * The pace at which a full lane drains: what the sender achieved in the last second, below its limit when the
     * lane is full, but not below half of it, so that a stall of a second does not push a whole backlog's turns
     * far out.
     */
    int drainRate() {
        int limit = throughput.currentLimit();
        return Math.min(limit, Math.max(limit / 2, throughput.usedInLastSecond()));
    }

    /**
     * When this lane will have drained to half its capacity at {@link #drainRate}: a message that found it full
     * comes back no sooner, so that it finds room.
     */
    Instant halfDrainedAt(Instant now) {
        long interval = NANOS_PER_SECOND / Math.max(1, drainRate());
        return now.plusNanos(Math.max(0, queue.size() - capacity() / 2) * interval);
    }

    private int capacity() {
        return (int) Math.max(1, throughput.currentLimit() * work.toMillis() / MILLIS_PER_SECOND);
    }

    /** Takes out the messages read from {@code partitions}, which this instance no longer owns. */
    List<ReadyMessage> removeFrom(Collection<TopicPartition> partitions) {
        List<ReadyMessage> removed = queue.stream().filter(m -> partitions.contains(m.partition())).toList();
        queue.removeAll(removed);
        return removed;
    }

    /** Whether this sender's messages come from one of {@code partitions} (a sender keys one partition). */
    boolean readFrom(Collection<TopicPartition> partitions) {
        return partition != null && partitions.contains(partition);
    }

    List<ReadyMessage> takeAll() {
        List<ReadyMessage> all = List.copyOf(queue);
        queue.clear();
        return all;
    }
}
