package io.wascheduler.dispatcher.release;

import io.wascheduler.dispatcher.command.CommandFields;

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
    public static ReleaseDecision of(long recordVersion, CommandFields latest) {
        if (latest == null || !(latest.cancels() || latest.schedules())) {
            return RELEASE;
        }
        return of(recordVersion, latest.version(), latest.cancels());
    }

    /** The same rule, given the latest command's version and whether it is a cancellation. */
    public static ReleaseDecision of(long recordVersion, long latestVersion, boolean latestCancels) {
        if (latestCancels) {
            return latestVersion >= recordVersion ? DROP_CANCELLED : RELEASE;
        }
        return latestVersion > recordVersion ? DROP_SUPERSEDED : RELEASE;
    }
}
