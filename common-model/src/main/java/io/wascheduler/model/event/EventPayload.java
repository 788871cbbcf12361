package io.wascheduler.model.event;

/** The body of an event; the envelope around it carries id, type, version, time and tenant. */
public sealed interface EventPayload
    permits MessageScheduled, MessageCancelled, MessageDispatched, MessageDispatchFailed,
        MessageStatusReported, InboundMessageReceived, CampaignScheduled, CampaignPaused, CampaignResumed,
        CampaignProgress, SenderConfigured, SenderStatusChanged {

    /** The Kafka record key this event is published under (see {@link io.wascheduler.model.topic.Topics}). */
    String key();
}
