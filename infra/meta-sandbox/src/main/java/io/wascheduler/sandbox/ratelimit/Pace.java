package io.wascheduler.sandbox.ratelimit;

import java.time.Duration;

/** A rate as the cell rate algorithm sees it: one message per {@code interval}, up to {@code burst} at once. */
record Pace(long intervalNanos, int burst) {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    Pace {
        if (intervalNanos <= 0 || burst < 1) {
            throw new IllegalArgumentException("a pace needs a positive interval and a burst of at least 1");
        }
    }

    /** {@code messagesPerSecond} sustained, with one second's worth available as a burst. */
    static Pace perSecond(int messagesPerSecond) {
        return new Pace(NANOS_PER_SECOND / messagesPerSecond, messagesPerSecond);
    }

    static Pace oneEvery(Duration interval, int burst) {
        return new Pace(interval.toNanos(), burst);
    }

    /** How far ahead of schedule a key may run: the burst, borrowed from later. */
    long toleranceNanos() {
        return (burst - 1) * intervalNanos;
    }
}
