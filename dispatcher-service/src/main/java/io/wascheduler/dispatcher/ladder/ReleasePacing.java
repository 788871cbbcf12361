package io.wascheduler.dispatcher.ladder;

import io.wascheduler.dispatcher.DispatcherProperties;
import io.wascheduler.dispatcher.sender.SenderDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Each sender's turns on this instance: one chain of send slots per sender, which the ladder's releases and the send
 * side's full lanes both take from.
 *
 * <p>The ladder releases each sender's messages at most {@code ahead} (what the send loop's lane holds) ahead of the
 * sender's rate. A sender's releases take slots one after another at its configured rate; a record whose slot is
 * further ahead than that waits in the ladder until shortly before its slot, instead of going into a lane that is
 * full and being sent back from there. So a backlog due at once (a campaign's million messages at 9:00) leaves the
 * ladder at the pace its senders can send, each message waiting for its turn once, and the ready topic holds only
 * what the lanes take: a ready topic holding the whole backlog made the send loop read through it and send almost
 * every message back, some several times.
 *
 * <p>A sender that sends below its configured rate (Meta's 130429, a machine short of CPU) still finds its lane
 * full: a message sent back from there takes the sender's next turn after every turn already given, so it comes
 * back once, after the backlog released before it. A chain of its own for the lane (as the send side had) handed
 * out turns beside the ladder's, the two together filled the lane at twice the rate it drained, and a message went
 * round 1.25 times on average. Another instance paces its own share, and the lanes' overflow takes any excess.
 * Thread-safe.
 */
@Component
class ReleasePacing {

    private static final long NANOS_PER_SECOND = Duration.ofSeconds(1).toNanos();

    private final Map<String, Instant> nextSlot = new ConcurrentHashMap<>();
    private final Map<String, FullLane> fullLanes = new ConcurrentHashMap<>();
    private final ToIntFunction<String> messagesPerSecond;
    private final Duration ahead;
    private final Clock clock;

    @Autowired
    ReleasePacing(DispatcherProperties properties, SenderDirectory senders, Clock clock) {
        this(sender -> senders.throughputOf(sender).orElse(properties.sending().defaultThroughputMps()),
            properties.sending().laneWork(), clock);
    }

    /**
     * @param messagesPerSecond a sender's configured rate
     * @param ahead             how much sending at its rate a sender may have released and not yet sent
     */
    ReleasePacing(ToIntFunction<String> messagesPerSecond, Duration ahead, Clock clock) {
        this.messagesPerSecond = messagesPerSecond;
        this.ahead = ahead;
        this.clock = clock;
    }

    /**
     * Empty when the sender's next slot is within {@code ahead}: the record may be released now (and takes its slot
     * with {@link #released}). Otherwise the record takes that slot at once and is to wait until the instant
     * answered, half of {@code ahead} before the slot, so that it is back while the lane still holds the messages
     * before it.
     */
    Optional<Instant> holdUntil(String senderId) {
        Instant now = clock.instant();
        Instant[] held = new Instant[1];
        nextSlot.compute(senderId, (id, next) -> {
            Instant slot = next == null || next.isBefore(now) ? now : next;
            if (!slot.isAfter(now.plus(ahead))) {
                return next;
            }
            held[0] = slot.minus(ahead.dividedBy(2));
            return slot.plusNanos(interval(messagesPerSecond.applyAsInt(senderId)));
        });
        return Optional.ofNullable(held[0]);
    }

    /** A record of the sender was released now: it takes the sender's next slot. */
    void released(String senderId) {
        Instant now = clock.instant();
        nextSlot.compute(senderId, (id, next) -> (next == null || next.isBefore(now) ? now : next)
            .plusNanos(interval(messagesPerSecond.applyAsInt(senderId))));
    }

    /**
     * A released message found its sender's lane full: it takes the sender's next slot, not before
     * {@code earliest} (when the lane has room again), and the slot after it is {@code drainRate} later, the pace
     * at which the sender actually sends. Until {@code earliest}, {@link #turnWhileLaneFull} gives the sender's
     * records due for release a turn the same way.
     */
    Instant turnAfterFullLane(String senderId, Instant earliest, int drainRate) {
        fullLanes.put(senderId, new FullLane(earliest, drainRate));
        return nextTurn(senderId, earliest, drainRate);
    }

    /**
     * A turn for a record of the sender that is due for release while the sender's lane on this instance is full:
     * released now, it would only be read from the ready topic and sent back from the lane. Empty when the lane
     * was not reported full, or should have room again by now (the report lapses by itself, so a lane that went
     * to another instance holds nothing back here).
     */
    Optional<Instant> turnWhileLaneFull(String senderId) {
        FullLane full = fullLanes.get(senderId);
        if (full == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(full.hasRoomAt())) {
            fullLanes.remove(senderId, full);
            return Optional.empty();
        }
        return Optional.of(nextTurn(senderId, full.hasRoomAt(), full.drainRate()));
    }

    private Instant nextTurn(String senderId, Instant earliest, int drainRate) {
        Instant[] turn = new Instant[1];
        nextSlot.compute(senderId, (id, next) -> {
            turn[0] = next == null || next.isBefore(earliest) ? earliest : next;
            return turn[0].plusNanos(interval(drainRate));
        });
        return turn[0];
    }

    /** A sender's lane reported full: it has room again at {@code hasRoomAt}, and drains at {@code drainRate}. */
    private record FullLane(Instant hasRoomAt, int drainRate) {
    }

    private static long interval(int messagesPerSecond) {
        return NANOS_PER_SECOND / Math.max(1, messagesPerSecond);
    }
}
