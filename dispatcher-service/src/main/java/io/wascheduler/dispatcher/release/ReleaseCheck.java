package io.wascheduler.dispatcher.release;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The check made at the instant of release: the latest command of the message decides first (a
 * cancelled or superseded record is dropped even if its campaign is paused), then a paused campaign
 * holds the record back.
 */
@Component
class ReleaseCheck implements ReleaseGate {

    private final LatestCommands commands;
    private final PausedCampaigns campaigns;

    ReleaseCheck(LatestCommands commands, PausedCampaigns campaigns) {
        this.commands = commands;
        this.campaigns = campaigns;
    }

    @Override
    public Optional<ReleaseDecision> decide(String messageId, long version, String campaignId) {
        if (!campaigns.isReady()) {
            return Optional.empty();
        }
        return commands.latest(messageId).map(latest -> {
            ReleaseDecision decision = ReleaseDecision.of(version, latest.command());
            return decision == ReleaseDecision.RELEASE && campaigns.isPaused(campaignId)
                ? ReleaseDecision.HOLD_CAMPAIGN_PAUSED : decision;
        });
    }
}
