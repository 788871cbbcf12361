package io.wascheduler.dispatcher.release;

import java.util.Optional;

/** Asks the latest known command whether a due record may go out. */
public interface ReleaseGate {

    /**
     * Empty while the latest commands or the paused campaigns are not loaded yet: the caller keeps the
     * record and asks again.
     *
     * @param campaignId null for a message outside any campaign
     */
    Optional<ReleaseDecision> decide(String messageId, long version, String campaignId);
}
