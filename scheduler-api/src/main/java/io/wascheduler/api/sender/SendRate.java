package io.wascheduler.api.sender;

import java.time.Duration;
import java.time.Instant;

/**
 * A sender's current rate, as scheduler-api knows it: the messages the Cloud API accepted from it (their
 * {@code sent_at}, filled from the dispatcher's MessageDispatched by the read model) in the last
 * {@link #WINDOW}, per second. It trails the dispatcher by the read model's lag.
 */
public final class SendRate {

    /** Long enough to smooth the per-second bursts of a rate limiter, short enough to show a pause within seconds. */
    public static final Duration WINDOW = Duration.ofSeconds(10);

    /** A select-list item for a query over {@code senders s}; bind {@code :rateSince} to {@link #since}. */
    public static final String CURRENT_MPS = """
        (select count(*) from messages m where m.sender_id = s.phone_number_id and m.sent_at > :rateSince)::float8
          / %d as current_mps""".formatted(WINDOW.toSeconds());

    private SendRate() {
    }

    public static Instant since(Instant now) {
        return now.minus(WINDOW);
    }
}
