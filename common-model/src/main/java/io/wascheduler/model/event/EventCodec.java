package io.wascheduler.model.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
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

    /** Readers that stop at the payload's closing brace, the envelope going on after it. */
    private static final Map<EventType, ObjectReader> PAYLOAD_READERS = payloadReaders();
    private static final ObjectReader TREE_READER = MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private EventCodec() {
    }

    private static Map<EventType, ObjectReader> payloadReaders() {
        Map<EventType, ObjectReader> readers = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            readers.put(type, MAPPER.readerFor(type.payloadClass()).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
        }
        return readers;
    }

    /** The mapper the events are written with; shared so that payload fragments serialise alike. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** Streams the envelope straight to bytes: this runs once per event on every hot path. */
    public static byte[] encode(EventEnvelope envelope) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        encode(envelope, bytes);
        return bytes.toByteArray();
    }

    /** Appends the envelope's encoding to {@code out}: a batch of events can share one buffer. */
    public static void encode(EventEnvelope envelope, ByteArrayOutputStream out) {
        try (JsonGenerator json = MAPPER.createGenerator(out)) {
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
    }

    /**
     * One streaming pass, reading the payload straight into its record when its type came first, as the
     * encoder writes it; a payload ahead of its type (another writer) is buffered as a tree first.
     */
    public static EventEnvelope decode(byte[] bytes) {
        try (JsonParser json = MAPPER.createParser(bytes)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("an event is a JSON object");
            }
            EnvelopeFields fields = new EnvelopeFields();
            for (String name = json.nextName(); name != null; name = json.nextName()) {
                json.nextToken();
                fields.read(name, json);
            }
            return fields.toEnvelope();
        }
    }

    /**
     * True for a message's first MessageScheduled ({@link MessageScheduled#isFirstVersion}), read only as far as it
     * must be: the envelope writes its type before the payload, and a MessageScheduled writes its version second,
     * so a launch's millions of first schedules are told apart after a hundred bytes each, undecoded, and mostly
     * without a parser ({@link FirstScheduleLayout}). Anything unreadable is not a first schedule.
     */
    public static boolean isFirstSchedule(byte[] json) {
        return switch (FirstScheduleLayout.of(json)) {
            case FIRST_SCHEDULE -> true;
            case OTHER -> false;
            case UNDECIDED -> parsedIsFirstSchedule(json);
        };
    }

    /** {@link #isFirstSchedule} read by the parser, whatever the layout. */
    static boolean parsedIsFirstSchedule(byte[] json) {
        try (JsonParser parser = MAPPER.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            EventType type = null;
            long version = -1;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("type")) {
                    type = value == JsonToken.VALUE_STRING ? EventType.ofWireName(parser.getString()) : null;
                } else if (name.equals("payload") && value == JsonToken.START_OBJECT) {
                    version = versionIn(parser, type != null);
                } else {
                    parser.skipChildren();
                }
                if (type != null && type != EventType.MESSAGE_SCHEDULED) {
                    return false;
                }
                if (type != null && version >= 0) {
                    return MessageScheduled.isFirstVersion(version);
                }
            }
            return false;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The version of the payload the parser has just entered (0 when absent), read to the payload's end unless
     * {@code stopAtVersion}, when the caller needs nothing after it.
     */
    private static long versionIn(JsonParser parser, boolean stopAtVersion) {
        long version = 0;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("version") && value != JsonToken.VALUE_NULL) {
                version = parser.getLongValue();
                if (stopAtVersion) {
                    return version;
                }
            } else {
                parser.skipChildren();
            }
        }
        return version;
    }

    /** The envelope's fields as they come, in whatever order. */
    private static final class EnvelopeFields {
        private String eventId;
        private EventType type;
        private int schemaVersion;
        private String occurredAt;
        private String tenantId;
        private EventPayload payload;
        private JsonNode payloadAheadOfType;

        void read(String name, JsonParser json) {
            switch (name) {
                case "eventId" -> eventId = json.getString();
                case "type" -> type = EventType.ofWireName(json.getString());
                case "schemaVersion" -> schemaVersion = json.getIntValue();
                case "occurredAt" -> occurredAt = json.getString();
                case "tenantId" -> tenantId = json.currentToken() == JsonToken.VALUE_NULL ? null : json.getString();
                case "payload" -> readPayload(json);
                default -> json.skipChildren();
            }
        }

        private void readPayload(JsonParser json) {
            if (type == null) {
                payloadAheadOfType = TREE_READER.readTree(json);
            } else {
                type.requireReadable(schemaVersion);
                payload = PAYLOAD_READERS.get(type).readValue(json);
            }
        }

        EventEnvelope toEnvelope() {
            if (type == null || eventId == null || occurredAt == null) {
                throw new IllegalArgumentException("an event needs eventId, type and occurredAt");
            }
            type.requireReadable(schemaVersion);
            if (payload == null && payloadAheadOfType != null) {
                payload = MAPPER.treeToValue(payloadAheadOfType, type.payloadClass());
            }
            return new EventEnvelope(UUID.fromString(eventId), type, schemaVersion, InstantText.parse(occurredAt), tenantId,
                payload);
        }
    }

    public static String encodeToString(EventEnvelope envelope) {
        return new String(encode(envelope), StandardCharsets.UTF_8);
    }
}
