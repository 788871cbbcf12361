package io.wascheduler.model.event;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** A message a customer sent to one of our numbers; {@code message} is Meta's object, unchanged. */
public record InboundMessageReceived(
    String phoneNumberId, String from, String wamid, String messageType, Instant receivedAt, JsonNode message)
    implements EventPayload {

    @Override
    public String key() {
        return phoneNumberId;
    }
}
