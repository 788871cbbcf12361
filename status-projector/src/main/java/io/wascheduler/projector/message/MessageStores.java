package io.wascheduler.projector.message;

/** Names of the per-message state stores, shared by the topology that creates them and the queries that read them. */
public final class MessageStores {

    /** messageId → {@link MessageView}. */
    public static final String MESSAGES = "message-state";
    /** wamid → {@link WamidLink}, from MessageDispatched, for statuses Meta sent without our callback data. */
    public static final String WAMID_INDEX = "wamid-index";
    /** wamid → {@link ParkedStatuses}: statuses that arrived before the outcome that names their wamid. */
    public static final String PARKED_STATUSES = "parked-statuses";

    private MessageStores() {
    }
}
