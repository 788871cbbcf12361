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
 * per send of the last second (at most 1,000). Within the window sends are also paced, one per
 * {@code 1 s / limit} with up to {@link #PACING_TOLERANCE} worth sent early: Meta (and the sandbox) count
 * arrivals, and a whole second's budget sent as one burst at the window's edge arrives, after network
 * jitter, partly inside the previous second's budget and is refused with 130429. Not thread-safe: the send
 * loop owns it.
 */
public final class ThroughputLimit {

    private static final Duration WINDOW = Duration.ofSeconds(1);
    private static final Duration INCREASE_EVERY = Duration.ofSeconds(1);
    static final Duration PACING_TOLERANCE = Duration.ofMillis(100);

    private final Clock clock;
    private final ArrayDeque<Instant> sentInWindow = new ArrayDeque<>();
    private int configured;
    private int current;
    private Instant lastChange = Instant.MIN;
    private Instant lastDecrease = Instant.MIN;
    /** When the next send is due if sends were spread evenly at the current rate. */
    private Instant pacedAt = Instant.EPOCH;

    public ThroughputLimit(int messagesPerSecond, Clock clock) {
        this.clock = clock;
        this.configured = positive(messagesPerSecond);
        this.current = configured;
    }

    /** Takes one send from the budget if the last second leaves room for it. */
    public boolean tryAcquire() {
        Instant now = clock.instant();
        forgetBefore(now.minus(WINDOW));
        if (sentInWindow.size() >= current || now.isBefore(pacedAt.minus(PACING_TOLERANCE))) {
            return false;
        }
        sentInWindow.addLast(now);
        pacedAt = (pacedAt.isAfter(now) ? pacedAt : now).plusNanos(WINDOW.toNanos() / current);
        return true;
    }

    /**
     * Counts the whole budget as spent at {@code at}: for a new limit taking over a sender that another owner
     * (or a crashed process) may have been sending for until then, so that the two together never exceed the
     * rate in any second. Sends resume one second after {@code at}; an {@code at} older than that changes nothing.
     */
    public void assumeSpentAt(Instant at) {
        forgetBefore(clock.instant().minus(WINDOW));
        if (!sentInWindow.isEmpty() || at.isBefore(clock.instant().minus(WINDOW))) {
            return;
        }
        for (int i = 0; i < current; i++) {
            sentInWindow.addLast(at);
        }
    }

    /** When the next send could be allowed; empty when one is allowed now. */
    public Optional<Instant> nextPermitAt() {
        Instant now = clock.instant();
        forgetBefore(now.minus(WINDOW));
        Instant paced = pacedAt.minus(PACING_TOLERANCE);
        if (sentInWindow.size() < current) {
            return paced.isAfter(now) ? Optional.of(paced) : Optional.empty();
        }
        int mustExpire = sentInWindow.size() - current;
        Instant windowPermit = sentInWindow.stream().skip(mustExpire).findFirst().orElseThrow().plus(WINDOW);
        return Optional.of(windowPermit.isAfter(paced) ? windowPermit : paced);
    }

    /**
     * Meta answered 130429: halve the rate (multiplicative decrease), not below one per second. At most once
     * per second: the requests in flight when Meta starts refusing all come back refused, and they are one
     * signal, not one each (hundreds of halvings would leave the sender at one message per second).
     */
    public void throttled() {
        Instant now = clock.instant();
        if (now.isBefore(lastDecrease.plus(WINDOW))) {
            return;
        }
        current = Math.max(1, current / 2);
        lastChange = now;
        lastDecrease = now;
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

    /** Sends taken from the budget in the last second: the rate achieved now. */
    public int usedInLastSecond() {
        forgetBefore(clock.instant().minus(WINDOW));
        return sentInWindow.size();
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
