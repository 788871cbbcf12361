package io.wascheduler.dispatcher.release;

import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.MessageCancelled;
import io.wascheduler.model.event.MessageScheduled;

/**
 * Whether a due record may go out, given the latest command known for its message. The latest command
 * wins up to the instant of release: a cancellation of this version or later drops it, and so does a
 * newer version (an edit), which travels the ladder on its own.
 */
public enum ReleaseDecision {
    RELEASE, DROP_CANCELLED, DROP_SUPERSEDED,
    /** Its campaign is paused: it goes back into the ladder and is looked at again later. */
    HOLD_CAMPAIGN_PAUSED;

    public boolean drops() {
        return this == DROP_CANCELLED || this == DROP_SUPERSEDED;
    }

    /** @param latest the latest command for the message, or null when none is known (yet) */
    public static ReleaseDecision of(long recordVersion, EventEnvelope latest) {
        if (latest == null) {
            return RELEASE;
        }
        return switch (latest.payload()) {
            case MessageCancelled cancelled when cancelled.version() >= recordVersion -> DROP_CANCELLED;
            case MessageScheduled scheduled when scheduled.version() > recordVersion -> DROP_SUPERSEDED;
            default -> RELEASE;
        };
    }
}
