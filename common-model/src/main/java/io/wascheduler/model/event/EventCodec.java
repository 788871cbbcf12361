package io.wascheduler.model.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of every event:
 * {@code {"eventId", "type", "schemaVersion", "occurredAt", "tenantId", "payload": {...}}}.
 * Unknown payload fields are ignored so that older readers survive newer writers.
 */
public final class EventCodec {

    /** Absent fields stay absent, so that a null JSON fragment reads back as null rather than a JSON null node. */
    private static final JsonMapper MAPPER = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
        .build();

    private EventCodec() {
    }

    /** The mapper the events are written with; shared so that payload fragments serialise alike. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** Streams the envelope straight to bytes: this runs once per event on every hot path. */
    public static byte[] encode(EventEnvelope envelope) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (JsonGenerator json = MAPPER.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringProperty("eventId", envelope.eventId().toString());
            json.writeStringProperty("type", envelope.type().wireName());
            json.writeNumberProperty("schemaVersion", envelope.schemaVersion());
            json.writeStringProperty("occurredAt", envelope.occurredAt().toString());
            json.writeStringProperty("tenantId", envelope.tenantId());
            json.writeName("payload");
            MAPPER.writeValue(json, envelope.payload());
            json.writeEndObject();
        }
        return bytes.toByteArray();
    }

    public static EventEnvelope decode(byte[] bytes) {
        JsonNode node = MAPPER.readTree(bytes);
        EventType type = EventType.ofWireName(node.path("type").asString());
        int schemaVersion = node.path("schemaVersion").asInt();
        if (schemaVersion > type.currentSchemaVersion()) {
            throw new IllegalArgumentException(type.wireName() + " schema version " + schemaVersion
                + " is newer than this reader's " + type.currentSchemaVersion());
        }
        EventPayload payload = MAPPER.treeToValue(node.get("payload"), type.payloadClass());
        JsonNode tenant = node.get("tenantId");
        return new EventEnvelope(
            UUID.fromString(node.path("eventId").asString()),
            type,
            schemaVersion,
            Instant.parse(node.path("occurredAt").asString()),
            tenant == null || tenant.isNull() ? null : tenant.asString(),
            payload);
    }

    public static String encodeToString(EventEnvelope envelope) {
        return new String(encode(envelope), StandardCharsets.UTF_8);
    }
}
