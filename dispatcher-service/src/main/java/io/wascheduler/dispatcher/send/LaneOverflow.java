package io.wascheduler.dispatcher.send;

import java.time.Duration;
import java.time.Instant;

/**
 * When the messages that found their sender's lane full come back from the ladder. Each gets the next slot at
 * the sender's rate after the lane has drained to half its capacity and after the messages sent back before it,
 * so a backlog of any size goes round the ladder about once per message and returns in order, as fast as the
 * sender can take it. Sending each back for the lane's drain time instead makes a message deep in a large
 * backlog go round every few seconds until its turn, which was most of a backlog's cost. Not thread-safe: the
 * send loop owns it.
 */
final class LaneOverflow {

    private static final long NANOS_PER_SECOND = Duration.ofSeconds(1).toNanos();

    private Instant lastSlot = Instant.MIN;

    /**
     * @param queued            messages in the lane now
     * @param capacity          the lane's capacity
     * @param messagesPerSecond the sender's current rate
     * @return when the message should be looked at again
     */
    Instant returnAt(Instant now, int queued, int capacity, int messagesPerSecond) {
        long interval = NANOS_PER_SECOND / Math.max(1, messagesPerSecond);
        Instant halfDrained = now.plusNanos(Math.max(0, queued - capacity / 2) * interval);
        lastSlot = (lastSlot.isAfter(halfDrained) ? lastSlot : halfDrained).plusNanos(interval);
        return lastSlot;
    }
}
