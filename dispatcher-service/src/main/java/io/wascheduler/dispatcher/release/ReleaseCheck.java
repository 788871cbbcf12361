package io.wascheduler.dispatcher.release;

import io.wascheduler.dispatcher.DispatcherProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The check made at the instant of release: the latest command of the message decides first (a
 * cancelled or superseded record is dropped even if its campaign is paused), then a paused campaign
 * holds the record back. The latest command is the one the commands tail kept, if any (it is newer than
 * anything the global table may still be missing), else the global table's; and the decision waits until
 * every command appended to Kafka up to the command grace after the record's instant has been read. So a
 * command acknowledged by Kafka before the instant always wins, and one sent just before the instant wins
 * as long as its trip to the broker takes less than the grace; the price is that every release comes at
 * least the grace after its instant.
 */
@Component
class ReleaseCheck implements ReleaseGate {

    private final LatestCommands commands;
    private final CommandsTail tail;
    private final PausedCampaigns campaigns;
    private final Duration commandGrace;

    ReleaseCheck(LatestCommands commands, CommandsTail tail, PausedCampaigns campaigns, DispatcherProperties properties) {
        this.commands = commands;
        this.tail = tail;
        this.campaigns = campaigns;
        this.commandGrace = properties.commandGrace();
    }

    @Override
    public Optional<ReleaseDecision> decide(String messageId, long version, Instant dueAt, String campaignId) {
        if (!campaigns.isReady() || !tail.covers(dueAt.plus(commandGrace))) {
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
