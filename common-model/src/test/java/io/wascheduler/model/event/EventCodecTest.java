package io.wascheduler.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wascheduler.model.content.MediaContent;
import io.wascheduler.model.content.TemplateContent;
import io.wascheduler.model.content.TextContent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);
    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");

    static List<EventPayload> everyPayloadKind() {
        var components = EventCodec.mapper().readTree(
            "[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"Ann\"}]}]");
        return List.of(
            new MessageScheduled("m1", 1, "c1", "1550001", "+14155550123", new TextContent("Hello", false), AT, 4,
                Map.of("orderId", "A-17")),
            new MessageScheduled("m2", 2, null, "1550001", "+14155550123",
                new TemplateContent("summer_sale", "en_US", components), AT, 4, Map.of()),
            new MessageScheduled("m3", 1, null, "1550001", "+14155550123",
                new MediaContent.Document("https://example.com/a.pdf", "Invoice", "a.pdf"), AT, 1, null),
            new MessageCancelled("m1", 1, "c1", "1550001", "user request"),
            new MessageDispatched("m1", 1, "c1", "1550001", "+14155550123", "wamid.ABC", 1, AT),
            new MessageDispatchFailed("m1", 1, "c1", "1550001", 2, new MetaError(131026, "Message undeliverable", "x"),
                true, null, AT),
            new MessageStatusReported("m1", 1, "c1", "1550001", "wamid.ABC", DeliveryStatus.READ, AT, "14155550123",
                List.of(), null, null),
            new InboundMessageReceived("1550001", "14155550123", "wamid.IN", "text", AT,
                EventCodec.mapper().readTree("{\"text\":{\"body\":\"hi\"}}")),
            new CampaignScheduled("c1", "1550001", 100, AT),
            new CampaignPaused("c1"),
            new CampaignResumed("c1"),
            new CampaignProgress("c1", 100, 8, 2, 90, 80, 70, 0, 0, AT),
            new SenderConfigured("1550001", "t1", 80),
            new SenderStatusChanged("1550001", SenderStatusChanged.SenderState.PAUSED, "spam rate limit",
                new MetaError(131048, "Spam rate limit hit", null), AT));
    }

    @ParameterizedTest
    @MethodSource("everyPayloadKind")
    void everyEventSurvivesTheRoundTripUnchanged(EventPayload payload) {
        EventEnvelope envelope = EventEnvelope.of("tenant-1", payload, CLOCK);

        EventEnvelope decoded = EventCodec.decode(EventCodec.encode(envelope));

        assertThat(decoded).isEqualTo(envelope);
        assertThat(decoded.key()).isEqualTo(payload.key());
    }

    @Test
    void wireFormatCarriesTheEnvelopeFieldsAndTheContentTypeAsTheApiNamesIt() {
        var payload = new MessageScheduled("m1", 1, null, "1550001", "+14155550123", new TextContent("Hi", true),
            AT, 4, Map.of());

        String json = EventCodec.encodeToString(EventEnvelope.of("tenant-1", payload, CLOCK));

        assertThat(json).contains("\"type\":\"MessageScheduled\"", "\"schemaVersion\":1", "\"tenantId\":\"tenant-1\"",
            "\"occurredAt\":\"2026-12-01T08:00:00Z\"", "\"content\":{\"type\":\"text\",\"text\":\"Hi\",\"previewUrl\":true}",
            "\"sendAt\":\"2026-12-01T09:00:00Z\"");
    }

    @Test
    void fieldsAddedByANewerWriterAreIgnored() {
        byte[] encoded = EventCodec.encode(EventEnvelope.of("t", new CampaignPaused("c1"), CLOCK));
        String withExtra = new String(encoded, StandardCharsets.UTF_8)
            .replace("\"campaignId\":\"c1\"", "\"campaignId\":\"c1\",\"reason\":\"later field\"");

        EventEnvelope decoded = EventCodec.decode(withExtra.getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.payload()).isEqualTo(new CampaignPaused("c1"));
    }

    @Test
    void anEnvelopeWrittenWithItsPayloadBeforeItsTypeReadsTheSame() {
        EventEnvelope envelope = EventEnvelope.of("t", everyPayloadKind().getFirst(), CLOCK);
        var fields = EventCodec.mapper().readTree(EventCodec.encode(envelope));
        var reordered = EventCodec.mapper().createObjectNode().set("payload", fields.get("payload"));
        fields.properties().stream().filter(field -> !field.getKey().equals("payload"))
            .forEach(field -> reordered.set(field.getKey(), field.getValue()));

        EventEnvelope decoded = EventCodec.decode(EventCodec.mapper().writeValueAsBytes(reordered));

        assertThat(decoded).isEqualTo(envelope);
    }

    @Test
    void aSchemaVersionNewerThanTheReaderIsRefusedRatherThanMisread() {
        String json = EventCodec.encodeToString(EventEnvelope.of("t", new CampaignPaused("c1"), CLOCK))
            .replace("\"schemaVersion\":1", "\"schemaVersion\":99");

        assertThatThrownBy(() -> new EventSerde().deserializer().deserialize("topic", json.getBytes(StandardCharsets.UTF_8)))
            .isInstanceOf(SerializationException.class)
            .hasMessageContaining("schema version 99");
    }

    @Test
    void anEnvelopeRefusesAPayloadOfAnotherType() {
        assertThatThrownBy(() -> new EventEnvelope(java.util.UUID.randomUUID(), EventType.CAMPAIGN_PAUSED, 1, AT, "t",
            new CampaignResumed("c1")))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFirstScheduleIsToldApartFromItsFirstBytes() {
        byte[] first = EventCodec.encode(EventEnvelope.of("t1", new MessageScheduled("m1", 1, "c1", "1550001",
            "+14155550123", new TextContent("Hello", false), AT, 4, Map.of()), CLOCK));
        byte[] edit = EventCodec.encode(EventEnvelope.of("t1", new MessageScheduled("m1", 2, "c1", "1550001",
            "+14155550123", new TextContent("Hello again", false), AT, 4, Map.of()), CLOCK));
        byte[] cancel = EventCodec.encode(EventEnvelope.of("t1", new MessageCancelled("m1", 1, "c1", "1550001", "no"), CLOCK));
        byte[] payloadBeforeType = """
            {"payload": {"version": 1, "messageId": "m9"}, "type": "MessageScheduled", "schemaVersion": 1}"""
            .getBytes(StandardCharsets.UTF_8);

        assertThat(EventCodec.isFirstSchedule(first)).isTrue();
        assertThat(EventCodec.isFirstSchedule(payloadBeforeType)).isTrue();
        assertThat(EventCodec.isFirstSchedule(edit)).isFalse();
        assertThat(EventCodec.isFirstSchedule(cancel)).isFalse();
        assertThat(EventCodec.isFirstSchedule("not json".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(EventCodec.isFirstSchedule("{\"type\": \"Nonsense\"}".getBytes(StandardCharsets.UTF_8))).isFalse();
    }
}
