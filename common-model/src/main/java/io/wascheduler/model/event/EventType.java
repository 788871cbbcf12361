package io.wascheduler.model.event;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type with the payload class it carries and the schema version this code writes.
 * Readers accept any version up to the current one; a change that old readers cannot ignore needs a
 * new version here.
 */
public enum EventType {
    MESSAGE_SCHEDULED("MessageScheduled", MessageScheduled.class, 1),
    MESSAGE_CANCELLED("MessageCancelled", MessageCancelled.class, 1),
    MESSAGE_DISPATCHED("MessageDispatched", MessageDispatched.class, 1),
    MESSAGE_DISPATCH_FAILED("MessageDispatchFailed", MessageDispatchFailed.class, 1),
    MESSAGE_STATUS_REPORTED("MessageStatusReported", MessageStatusReported.class, 1),
    INBOUND_MESSAGE_RECEIVED("InboundMessageReceived", InboundMessageReceived.class, 1),
    CAMPAIGN_SCHEDULED("CampaignScheduled", CampaignScheduled.class, 1),
    CAMPAIGN_PAUSED("CampaignPaused", CampaignPaused.class, 1),
    CAMPAIGN_RESUMED("CampaignResumed", CampaignResumed.class, 1),
    CAMPAIGN_PROGRESS("CampaignProgress", CampaignProgress.class, 1),
    SENDER_CONFIGURED("SenderConfigured", SenderConfigured.class, 1),
    SENDER_STATUS_CHANGED("SenderStatusChanged", SenderStatusChanged.class, 1);

    private static final Map<String, EventType> BY_WIRE_NAME =
        Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));
    private static final Map<Class<?>, EventType> BY_PAYLOAD_CLASS =
        Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::payloadClass, Function.identity()));

    private final String wireName;
    private final Class<? extends EventPayload> payloadClass;
    private final int currentSchemaVersion;

    EventType(String wireName, Class<? extends EventPayload> payloadClass, int currentSchemaVersion) {
        this.wireName = wireName;
        this.payloadClass = payloadClass;
        this.currentSchemaVersion = currentSchemaVersion;
    }

    public String wireName() {
        return wireName;
    }

    public Class<? extends EventPayload> payloadClass() {
        return payloadClass;
    }

    public int currentSchemaVersion() {
        return currentSchemaVersion;
    }

    /** Refuses to read a payload written in a newer schema than this reader knows, rather than misread it. */
    public void requireReadable(int schemaVersion) {
        if (schemaVersion > currentSchemaVersion) {
            throw new IllegalArgumentException(wireName + " schema version " + schemaVersion
                + " is newer than this reader's " + currentSchemaVersion);
        }
    }

    public static EventType ofWireName(String wireName) {
        EventType type = BY_WIRE_NAME.get(wireName);
        if (type == null) {
            throw new IllegalArgumentException("Unknown event type: " + wireName);
        }
        return type;
    }

    public static EventType of(EventPayload payload) {
        return BY_PAYLOAD_CLASS.get(payload.getClass());
    }
}
