package io.wascheduler.webhook.parse;

import io.wascheduler.model.event.EventEnvelope;
import java.util.List;

/**
 * Everything one webhook POST becomes: a {@code MessageStatusReported} per known status, an
 * {@code InboundMessageReceived} per customer message, and the body itself for the raw topic.
 */
public record ParsedWebhook(List<EventEnvelope> statuses, List<EventEnvelope> inboundMessages, RawWebhook raw) {

    public ParsedWebhook {
        statuses = List.copyOf(statuses);
        inboundMessages = List.copyOf(inboundMessages);
    }
}
