package io.wascheduler.dispatcher.release;

import java.time.Instant;
import java.util.Optional;

/** Asks the latest known command whether a due record may go out. */
public interface ReleaseGate {

    /**
     * Empty while the latest commands or the paused campaigns are not loaded yet, or the commands published
     * up to {@code dueAt} are not all read yet: the caller keeps the record and asks again shortly.
     *
     * @param dueAt      the record's instant: every command published before it is taken into account
     * @param campaignId null for a message outside any campaign
     */
    Optional<ReleaseDecision> decide(String messageId, long version, Instant dueAt, String campaignId);
}
