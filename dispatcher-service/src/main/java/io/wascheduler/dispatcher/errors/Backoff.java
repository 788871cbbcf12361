package io.wascheduler.dispatcher.errors;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: the wait after attempt n is initial * multiplier^(n-1), capped, then
 * moved at random by up to {@code jitter} of itself either way, so that messages failing together do not
 * retry together.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final double multiplier;
    private final double jitter;
    private final RandomGenerator random;

    public Backoff(Duration initial, Duration max, double multiplier, double jitter, RandomGenerator random) {
        this.initial = initial;
        this.max = max;
        this.multiplier = multiplier;
        this.jitter = jitter;
        this.random = random;
    }

    /** How long to wait after failed attempt {@code attempt} (from 1) before the next one. */
    public Duration after(int attempt) {
        double exponential = initial.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        double capped = Math.min(exponential, max.toMillis());
        double spread = capped * jitter * (2 * random.nextDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(capped + spread)));
    }
}
