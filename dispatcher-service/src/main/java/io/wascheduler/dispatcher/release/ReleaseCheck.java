package io.wascheduler.dispatcher.release;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The check made at the instant of release: the latest command of the message decides first (a
 * cancelled or superseded record is dropped even if its campaign is paused), then a paused campaign
 * holds the record back. The latest command is the one the commands tail kept, if any (it is newer than
 * anything the global table may still be missing), else the global table's; and the decision waits until
 * every command appended to Kafka up to {@link #COMMAND_GRACE} after the record's instant has been read. So a
 * command acknowledged by Kafka before the instant always wins, and one sent just before the instant wins
 * as long as its trip to the broker takes less than the grace; the price is that every release comes at
 * least the grace after its instant.
 */
@Component
class ReleaseCheck implements ReleaseGate {

    /** A produce round trip on a busy local broker; the lateness every release pays for last-moment cancels. */
    static final Duration COMMAND_GRACE = Duration.ofMillis(25);

    private final LatestCommands commands;
    private final CommandsTail tail;
    private final PausedCampaigns campaigns;

    ReleaseCheck(LatestCommands commands, CommandsTail tail, PausedCampaigns campaigns) {
        this.commands = commands;
        this.tail = tail;
        this.campaigns = campaigns;
    }

    @Override
    public Optional<ReleaseDecision> decide(String messageId, long version, Instant dueAt, String campaignId) {
        if (!campaigns.isReady() || !tail.covers(dueAt.plus(COMMAND_GRACE))) {
            return Optional.empty();
        }
        KeptCommand kept = tail.kept(messageId);
        Optional<ReleaseDecision> byCommand = kept != null
            ? Optional.of(ReleaseDecision.of(version, kept.version(), kept.cancels()))
            : commands.latest(messageId).map(latest -> ReleaseDecision.of(version, latest.command()));
        return byCommand.map(decision -> decision == ReleaseDecision.RELEASE && campaigns.isPaused(campaignId)
            ? ReleaseDecision.HOLD_CAMPAIGN_PAUSED : decision);
    }
}
