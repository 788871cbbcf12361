package io.wascheduler.sandbox.webhook;

import java.time.Instant;
import java.util.Locale;

/** One status of one message, as it happened; when it is posted is the planner's business. */
record StatusEvent(AcceptedMessage message, Kind kind, Instant occurredAt) {

    enum Kind {
        SENT, DELIVERED, READ, FAILED;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
