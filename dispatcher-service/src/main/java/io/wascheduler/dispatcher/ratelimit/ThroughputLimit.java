package io.wascheduler.dispatcher.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * A sender's messages-per-second budget, adaptive (AIMD). Why a sliding window of the last second's sends
 * rather than a classic token bucket: a bucket holding a second's worth of tokens lets up to twice the
 * rate through in some one-second window, and Meta counts per second; the window guarantees at most
 * {@code limit} sends in any second and still lets a backlog use the whole budget. Memory is one timestamp
 * per send of the last second (at most 1,000). Not thread-safe: the send loop owns it.
 */
public final class ThroughputLimit {

    private static final Duration WINDOW = Duration.ofSeconds(1);
    private static final Duration INCREASE_EVERY = Duration.ofSeconds(1);

    private final Clock clock;
    private final ArrayDeque<Instant> sentInWindow = new ArrayDeque<>();
    private int configured;
    private int current;
    private Instant lastChange = Instant.MIN;

    public ThroughputLimit(int messagesPerSecond, Clock clock) {
        this.clock = clock;
        this.configured = positive(messagesPerSecond);
        this.current = configured;
    }

    /** Takes one send from the budget if the last second leaves room for it. */
    public boolean tryAcquire() {
        Instant now = clock.instant();
        forgetBefore(now.minus(WINDOW));
        if (sentInWindow.size() >= current) {
            return false;
        }
        sentInWindow.addLast(now);
        return true;
    }

    /** When the next send could be allowed; empty when one is allowed now. */
    public Optional<Instant> nextPermitAt() {
        Instant now = clock.instant();
        forgetBefore(now.minus(WINDOW));
        if (sentInWindow.size() < current) {
            return Optional.empty();
        }
        int mustExpire = sentInWindow.size() - current;
        return sentInWindow.stream().skip(mustExpire).findFirst().map(sent -> sent.plus(WINDOW));
    }

    /** Meta answered 130429: halve the rate (multiplicative decrease), not below one per second. */
    public void throttled() {
        current = Math.max(1, current / 2);
        lastChange = clock.instant();
    }

    /** A send succeeded: win back a twentieth of the configured rate per second (additive increase). */
    public void succeeded() {
        Instant now = clock.instant();
        if (current < configured && !now.isBefore(lastChange.plus(INCREASE_EVERY))) {
            current = Math.min(configured, current + Math.max(1, configured / 20));
            lastChange = now;
        }
    }

    /** The sender's configuration changed: the new rate applies at once. */
    public void reconfigure(int messagesPerSecond) {
        configured = positive(messagesPerSecond);
        current = configured;
    }

    public int configured() {
        return configured;
    }

    public int currentLimit() {
        return current;
    }

    private void forgetBefore(Instant windowStart) {
        while (!sentInWindow.isEmpty() && !sentInWindow.peekFirst().isAfter(windowStart)) {
            sentInWindow.removeFirst();
        }
    }

    private static int positive(int messagesPerSecond) {
        if (messagesPerSecond < 1) {
            throw new IllegalArgumentException("A throughput must be at least 1 message per second");
        }
        return messagesPerSecond;
    }
}
