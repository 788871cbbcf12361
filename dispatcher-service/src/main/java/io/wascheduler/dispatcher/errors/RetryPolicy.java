package io.wascheduler.dispatcher.errors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What happens to a message after a failed attempt. Only the message's own transient failures count
 * against its maxAttempts; throttling, pair rate and a stopped sender are not the message's fault, so
 * they delay it without using up its attempts.
 */
public final class RetryPolicy {

    private final Backoff backoff;
    private final Duration reEngagementDelay;
    private final Duration pairRateInterval;
    private final Duration pausedSenderRecheck;
    private final Duration answerCheckDelay;
    private final Clock clock;

    public RetryPolicy(Backoff backoff, Duration reEngagementDelay, Duration pairRateInterval,
                       Duration pausedSenderRecheck, Duration answerCheckDelay, Clock clock) {
        this.backoff = backoff;
        this.reEngagementDelay = reEngagementDelay;
        this.pairRateInterval = pairRateInterval;
        this.pausedSenderRecheck = pausedSenderRecheck;
        this.answerCheckDelay = answerCheckDelay;
        this.clock = clock;
    }

    public Next after(ErrorClass errorClass, int attempt, int maxAttempts) {
        Instant now = clock.instant();
        return switch (errorClass) {
            case PERMANENT -> Next.FINAL;
            case RETRY -> attempt >= maxAttempts ? Next.FINAL : Next.retry(now.plus(backoff.after(attempt)), attempt);
            case UNCONFIRMED -> attempt >= maxAttempts ? Next.FINAL
                : Next.retry(now.plus(max(backoff.after(attempt), answerCheckDelay)), attempt);
            case RETRY_AFTER_RE_ENGAGEMENT -> attempt >= maxAttempts ? Next.FINAL
                : Next.retry(now.plus(reEngagementDelay), attempt);
            case THROTTLED -> Next.retry(now.plus(backoff.after(1)), attempt);
            case PAIR_RATE -> Next.retry(now.plus(pairRateInterval), attempt);
            case PAUSE_SENDER, SENDER_CREDENTIALS -> Next.retry(now.plus(pausedSenderRecheck), attempt);
        };
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Either final, or another attempt numbered {@code attempt} at {@code at}. */
    public record Next(boolean finalFailure, Instant at, int attempt) {

        static final Next FINAL = new Next(true, null, 0);

        static Next retry(Instant at, int failedAttempt) {
            return new Next(false, at, failedAttempt + 1);
        }
    }
}
