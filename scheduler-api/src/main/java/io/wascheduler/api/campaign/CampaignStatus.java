package io.wascheduler.api.campaign;

/** A campaign's own state; its messages' states are counted in its progress. */
enum CampaignStatus {
    /** Created without recipients; rows are uploaded, then it is launched. */
    DRAFT,
    SCHEDULED,
    /** No message of it may be released until it is resumed. */
    PAUSED,
    CANCELLED
}
