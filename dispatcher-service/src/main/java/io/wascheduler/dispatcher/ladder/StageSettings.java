package io.wascheduler.dispatcher.ladder;

import java.time.Duration;

/**
 * What every stage is tuned with.
 *
 * @param maxPendingReleases    records its release timer may hold before it stops reading
 * @param maxPollWait           longest idle poll
 * @param pausedCampaignRecheck how long a record of a paused campaign waits before it is looked at again
 * @param transactionLinger     how long a transaction stays open to take in the work of further passes
 */
record StageSettings(int maxPendingReleases, Duration maxPollWait, Duration pausedCampaignRecheck,
                     Duration transactionLinger) {
}
