package io.wascheduler.model.event;

/** No message of the campaign may be released until it is resumed. */
public record CampaignPaused(String campaignId) implements EventPayload {

    @Override
    public String key() {
        return campaignId;
    }
}
