package io.wascheduler.webhook.parse;

import static io.wascheduler.webhook.parse.JsonFields.epochSeconds;
import static io.wascheduler.webhook.parse.JsonFields.text;

import io.wascheduler.model.event.InboundMessageReceived;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** One element of a change's {@code messages}: a customer wrote to one of our numbers. */
final class InboundMapping {

    private InboundMapping() {
    }

    /** @param receivedAt used when Meta's timestamp is missing or unreadable */
    static InboundMessageReceived toEvent(JsonNode message, String phoneNumberId, Instant receivedAt) {
        return new InboundMessageReceived(
            phoneNumberId,
            text(message, "from"),
            text(message, "id"),
            text(message, "type"),
            epochSeconds(message, "timestamp", receivedAt),
            message);
    }
}
