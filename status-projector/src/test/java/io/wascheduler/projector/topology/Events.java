package io.wascheduler.projector.topology;

import io.wascheduler.model.content.TextContent;
import io.wascheduler.model.event.CampaignScheduled;
import io.wascheduler.model.event.DeliveryStatus;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.EventPayload;
import io.wascheduler.model.event.EventType;
import io.wascheduler.model.event.MessageCancelled;
import io.wascheduler.model.event.MessageDispatchFailed;
import io.wascheduler.model.event.MessageDispatched;
import io.wascheduler.model.event.MessageScheduled;
import io.wascheduler.model.event.MessageStatusReported;
import io.wascheduler.model.event.MetaError;
import io.wascheduler.model.topic.TopicSpec;
import io.wascheduler.model.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test-data builders for the events the projector reads, all happening at {@link #AT}. */
public final class Events {

    public static final Instant AT = Instant.parse("2026-11-22T09:00:00Z");
    public static final String TENANT = "tenant-1";
    private static final String SENDER = "100200300";
    private static final String TO = "+14155550123";

    private Events() {
    }

    public static EventEnvelope scheduled(String messageId, long version, String campaignId) {
        return envelope(new MessageScheduled(messageId, version, campaignId, SENDER, TO,
            new TextContent("Hello", false), AT, 4, Map.of()));
    }

    public static EventEnvelope cancelled(String messageId, long version, String campaignId) {
        return envelope(new MessageCancelled(messageId, version, campaignId, SENDER, "user request"));
    }

    public static EventEnvelope dispatched(String messageId, long version, String campaignId, String wamid) {
        return dispatched(messageId, version, campaignId, wamid, AT);
    }

    /** Dispatched at {@code dispatchedAt}, which dates the send for the campaign's send rate. */
    public static EventEnvelope dispatched(String messageId, long version, String campaignId, String wamid,
        Instant dispatchedAt) {
        return envelope(new MessageDispatched(messageId, version, campaignId, SENDER, TO, wamid, 1, dispatchedAt));
    }

    public static EventEnvelope failedFinally(String messageId, long version, String campaignId) {
        return envelope(new MessageDispatchFailed(messageId, version, campaignId, SENDER, 1,
            new MetaError(131026, "Message undeliverable", "not on WhatsApp"), true, null, AT));
    }

    public static EventEnvelope failedRetryably(String messageId, long version, String campaignId) {
        return failedRetryably(messageId, version, campaignId, 1);
    }

    /** The dispatcher's {@code attempt}-th try failed and it will try again. */
    public static EventEnvelope failedRetryably(String messageId, long version, String campaignId, int attempt) {
        return envelope(new MessageDispatchFailed(messageId, version, campaignId, SENDER, attempt,
            new MetaError(131000, "Something went wrong", "try again"), false, AT.plusSeconds(30L * attempt), AT));
    }

    /** A status with our callback data echoed. */
    public static EventEnvelope status(String messageId, long version, String campaignId, String wamid,
        DeliveryStatus status) {
        return envelope(new MessageStatusReported(messageId, version, campaignId, SENDER, wamid, status, AT,
            "14155550123", List.of(), null, null));
    }

    /** A status Meta sent without our callback data: only its wamid names the message. */
    public static EventEnvelope statusByWamid(String wamid, DeliveryStatus status) {
        return status(null, 0, null, wamid, status);
    }

    public static EventEnvelope campaignScheduled(String campaignId, long total) {
        return envelope(new CampaignScheduled(campaignId, SENDER, total, AT));
    }

    /** The same event delivered again (Kafka or Meta redelivery): a new envelope id, the same content. */
    public static EventEnvelope redelivered(EventEnvelope event) {
        return envelope(event.payload());
    }

    /** The same event, published {@code delay} later. */
    public static EventEnvelope later(EventEnvelope event, Duration delay) {
        return new EventEnvelope(UUID.randomUUID(), event.type(), event.schemaVersion(), event.occurredAt().plus(delay),
            event.tenantId(), event.payload());
    }

    /** The topic the event's producer publishes it on. */
    public static TopicSpec topicOf(EventEnvelope event) {
        return switch (event.type()) {
            case MESSAGE_SCHEDULED, MESSAGE_CANCELLED -> Topics.MESSAGE_COMMANDS;
            case MESSAGE_DISPATCHED, MESSAGE_DISPATCH_FAILED -> Topics.MESSAGE_OUTCOMES;
            case MESSAGE_STATUS_REPORTED -> Topics.MESSAGE_STATUSES;
            case CAMPAIGN_SCHEDULED, CAMPAIGN_PAUSED, CAMPAIGN_RESUMED -> Topics.CAMPAIGN_EVENTS;
            default -> throw new IllegalArgumentException("The projector does not read " + event.type());
        };
    }

    private static EventEnvelope envelope(EventPayload payload) {
        EventType type = EventType.of(payload);
        return new EventEnvelope(UUID.randomUUID(), type, type.currentSchemaVersion(), AT, TENANT, payload);
    }
}
