package io.wascheduler.sandbox.webhook;

import java.time.Duration;
import java.util.Optional;

/**
 * When to try a webhook POST again after a non-200 answer: exponential backoff with a ceiling, a bounded number
 * of attempts. Meta keeps trying for days; the sandbox's defaults are short so tests and benchmarks settle.
 */
record RetrySchedule(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {

    /** The wait before the next attempt after {@code failedAttempt} (1 for the first), or empty to give up. */
    Optional<Duration> delayAfter(int failedAttempt) {
        if (failedAttempt >= maxAttempts) {
            return Optional.empty();
        }
        double factor = Math.pow(multiplier, failedAttempt - 1);
        long millis = (long) Math.min(initialBackoff.toMillis() * factor, maxBackoff.toMillis());
        return Optional.of(Duration.ofMillis(millis));
    }
}
