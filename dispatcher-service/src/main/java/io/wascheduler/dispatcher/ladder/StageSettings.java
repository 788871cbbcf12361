package io.wascheduler.dispatcher.ladder;

import java.time.Duration;

/**
 * What every stage is tuned with.
 *
 * @param maxPendingReleases    records its release timer may hold before it stops reading
 * @param maxPollWait           longest idle poll
 * @param pausedCampaignRecheck how long a record of a paused campaign waits before it is looked at again
 * @param transactionLinger     how long a transaction stays open to take in the work of further passes
 * @param pacedInMemory         how far off a paced record's turn may be for it to wait in the release timer
 */
record StageSettings(int maxPendingReleases, Duration maxPollWait, Duration pausedCampaignRecheck,
                     Duration transactionLinger, Duration pacedInMemory) {
}
