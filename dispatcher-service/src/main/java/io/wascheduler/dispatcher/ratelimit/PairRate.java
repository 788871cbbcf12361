package io.wascheduler.dispatcher.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Meta's pair rate for one sender: one message per interval (6 s) to the same recipient. Remembers only
 * recipients sent to within the last interval, so memory is bounded by rate times interval. Not
 * thread-safe: the send loop owns it.
 */
public final class PairRate {

    private final Clock clock;
    private final Duration interval;
    private final Map<String, Instant> nextAllowed = new HashMap<>();
    private Instant nextCleanup = Instant.MIN;

    public PairRate(Duration interval, Clock clock) {
        this.interval = interval;
        this.clock = clock;
    }

    /** When {@code recipient} may receive again; empty when now. */
    public Optional<Instant> blockedUntil(String recipient) {
        Instant now = clock.instant();
        Instant allowed = nextAllowed.get(recipient);
        return allowed == null || !allowed.isAfter(now) ? Optional.empty() : Optional.of(allowed);
    }

    /** A message goes to {@code recipient} now; returns that instant, for {@link #refused}. */
    public Instant sent(String recipient) {
        Instant now = clock.instant();
        forgetExpired(now);
        nextAllowed.put(recipient, now.plus(interval));
        return now;
    }

    /** Meta answered 131056 for {@code recipient}: wait a whole interval from now. */
    public void hit(String recipient) {
        sent(recipient);
    }

    /**
     * Meta did not accept the send made at {@code sentAt}, so it does not count against the pair rate
     * (unless a later send to the same recipient counts already).
     */
    public void refused(String recipient, Instant sentAt) {
        nextAllowed.remove(recipient, sentAt.plus(interval));
    }

    int remembered() {
        return nextAllowed.size();
    }

    private void forgetExpired(Instant now) {
        if (now.isBefore(nextCleanup)) {
            return;
        }
        nextAllowed.values().removeIf(allowed -> !allowed.isAfter(now));
        nextCleanup = now.plus(interval);
    }
}
