package io.wascheduler.projector.campaign;

/** Names of the per-campaign state stores, shared by the topology that creates them and the queries that read them. */
public final class CampaignStores {

    /** campaignId → {@link CampaignCounters}. */
    public static final String COUNTERS = "campaign-counters";
    /** campaignId → epoch ms of its first unpublished change: the campaigns whose progress is due on the topic. */
    public static final String UNPUBLISHED = "campaign-unpublished";

    private CampaignStores() {
    }
}
