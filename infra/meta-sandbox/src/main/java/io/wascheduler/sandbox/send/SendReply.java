package io.wascheduler.sandbox.send;

import java.time.Duration;

/** What the send endpoint answers, and how long it waits beyond the configured latency before answering. */
record SendReply(int httpStatus, Object body, Duration hold) {

    static SendReply now(int httpStatus, Object body) {
        return new SendReply(httpStatus, body, Duration.ZERO);
    }

    SendReply heldFor(Duration wait) {
        return new SendReply(httpStatus, body, hold.plus(wait));
    }
}
