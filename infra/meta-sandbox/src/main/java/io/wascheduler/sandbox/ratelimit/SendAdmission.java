package io.wascheduler.sandbox.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Meta's two send limits: a number's throughput (messages per second) and the pair rate between a number and
 * one recipient. A send refused for throughput does not count against the pair rate.
 */
public final class SendAdmission {

    public enum Verdict { ADMITTED, THROUGHPUT_EXCEEDED, PAIR_RATE_EXCEEDED }

    private record Pair(String phoneNumberId, String recipient) {
    }

    private final Clock clock;
    private final Pace pairPace;
    private final CellRateLimiter<String> throughput = new CellRateLimiter<>();
    private final CellRateLimiter<Pair> pairs = new CellRateLimiter<>();

    public SendAdmission(Clock clock, Duration pairInterval, int pairBurst) {
        this.clock = clock;
        this.pairPace = Pace.oneEvery(pairInterval, pairBurst);
    }

    public Verdict admit(String phoneNumberId, String recipient, int throughputMps) {
        long now = nowNanos();
        if (!throughput.tryAcquire(phoneNumberId, Pace.perSecond(throughputMps), now)) {
            return Verdict.THROUGHPUT_EXCEEDED;
        }
        if (!pairs.tryAcquire(new Pair(phoneNumberId, recipient), pairPace, now)) {
            return Verdict.PAIR_RATE_EXCEEDED;
        }
        return Verdict.ADMITTED;
    }

    /** Keeps memory bounded when millions of recipients pass through: idle pairs are forgotten. */
    public void forgetIdle() {
        long now = nowNanos();
        throughput.forgetIdle(now);
        pairs.forgetIdle(now);
    }

    int trackedPairs() {
        return pairs.trackedKeys();
    }

    private long nowNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
