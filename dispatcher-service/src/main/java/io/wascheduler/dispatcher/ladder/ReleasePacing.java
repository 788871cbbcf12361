package io.wascheduler.dispatcher.ladder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/**
 * Releases each sender's messages at most {@code ahead} (what the send loop's lane holds) ahead of the sender's
 * rate. A sender's releases take slots one after another at its configured rate; a record whose slot is further
 * ahead than that waits in the ladder until shortly before its slot, instead of going into a lane that is full and
 * being sent back from there. So a backlog due at once (a campaign's million messages at 9:00) leaves the ladder at
 * the pace its senders can send, each message waiting for its turn once, and the ready topic holds only what the
 * lanes take: a ready topic holding the whole backlog made the send loop read through it and send almost every
 * message back, some several times. Shared by the stages of this instance; another instance paces its own share,
 * and the lanes' overflow takes any excess. Thread-safe.
 */
final class ReleasePacing {

    private static final long NANOS_PER_SECOND = Duration.ofSeconds(1).toNanos();

    private final Map<String, Instant> nextSlot = new ConcurrentHashMap<>();
    private final ToIntFunction<String> messagesPerSecond;
    private final Duration ahead;
    private final Clock clock;

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
            return slot.plusNanos(interval(senderId));
        });
        return Optional.ofNullable(held[0]);
    }

    /** A record of the sender was released now: it takes the sender's next slot. */
    void released(String senderId) {
        Instant now = clock.instant();
        nextSlot.compute(senderId, (id, next) -> (next == null || next.isBefore(now) ? now : next)
            .plusNanos(interval(senderId)));
    }

    private long interval(String senderId) {
        return NANOS_PER_SECOND / Math.max(1, messagesPerSecond.applyAsInt(senderId));
    }
}
