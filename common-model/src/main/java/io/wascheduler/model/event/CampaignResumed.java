package io.wascheduler.model.event;

public record CampaignResumed(String campaignId) implements EventPayload {

    @Override
    public String key() {
        return campaignId;
    }
}
