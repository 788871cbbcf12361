package io.wascheduler.dispatcher.errors;

/** What a failed send means for the message and its sender. */
public enum ErrorClass {
    /** Transient: try the message again after an exponential backoff, up to its maxAttempts. */
    RETRY,
    /**
     * The request went out and no answer came: Meta may have taken the message. Try again no sooner than the
     * answer-check delay, and only if Meta's status webhooks have not shown the message by then.
     */
    UNCONFIRMED,
    /** 131049: try again no sooner than the re-engagement delay (24 h). */
    RETRY_AFTER_RE_ENGAGEMENT,
    /** 130429: the sender went over its throughput; lower its rate and retry. */
    THROTTLED,
    /** 131056: too many messages to this recipient; hold that recipient and retry. */
    PAIR_RATE,
    /** 131048, 368: stop the sender and report it; its messages wait until it is resumed. */
    PAUSE_SENDER,
    /** 190, 0, 10, 200-299: the sender's token or permissions are broken until they are replaced. */
    SENDER_CREDENTIALS,
    /** The message itself is wrong or undeliverable: fail it at once, keeping Meta's error. */
    PERMANENT;

    /** Whether the message is held back because of its sender rather than by its own fault. */
    public boolean stopsSender() {
        return this == PAUSE_SENDER || this == SENDER_CREDENTIALS;
    }
}
