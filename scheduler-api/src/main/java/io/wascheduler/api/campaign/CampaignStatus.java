package io.wascheduler.api.campaign;

/** A campaign's own state; its messages' states are counted in its progress. */
enum CampaignStatus {
    /** Created without recipients; rows are uploaded, then it is launched. */
    DRAFT,
    /** Being launched: its recipients are turned into messages page by page, each page committed on its own. */
    LAUNCHING,
    SCHEDULED,
    /** No message of it may be released until it is resumed. */
    PAUSED,
    CANCELLED,
    /**
     * Never stored: shown (and filtered on) for a SCHEDULED or PAUSED campaign once every message is final
     * (delivered or read, failed or cancelled).
     */
    COMPLETED
}
