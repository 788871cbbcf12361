package io.wascheduler.model.event;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What travels on every event topic: a unique id (consumers deduplicate on it), the type and the
 * schema version of the payload, when it happened, and the tenant it belongs to.
 */
public record EventEnvelope(
    UUID eventId, EventType type, int schemaVersion, Instant occurredAt, String tenantId, EventPayload payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
        if (type.payloadClass() != payload.getClass()) {
            throw new IllegalArgumentException(type + " cannot carry " + payload.getClass().getSimpleName());
        }
    }

    public static EventEnvelope of(String tenantId, EventPayload payload, Clock clock) {
        EventType type = EventType.of(payload);
        return new EventEnvelope(UUID.randomUUID(), type, type.currentSchemaVersion(), clock.instant(), tenantId, payload);
    }

    public String key() {
        return payload.key();
    }

    /** The payload as the given type; for consumers that switch on {@link #type()}. */
    public <P extends EventPayload> P payloadAs(Class<P> payloadClass) {
        return payloadClass.cast(payload);
    }
}
