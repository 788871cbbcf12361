package io.wascheduler.dispatcher.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wascheduler.model.content.TextContent;
import io.wascheduler.model.event.CampaignPaused;
import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.EventPayload;
import io.wascheduler.model.event.EventType;
import io.wascheduler.model.event.MessageCancelled;
import io.wascheduler.model.event.MessageScheduled;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandFieldsTest {

    private static final Instant SEND_AT = Instant.parse("2026-12-01T08:00:00.123456Z");

    @Test
    void aScheduledMessageReadsAsItsRoutingFieldsWithoutItsContent() {
        EventEnvelope envelope = envelope(new MessageScheduled("m-1", 3, "campaign-7", "sender-1", "+14155550123",
            new TextContent("Hello {\"nested\": [1, 2]}", true), SEND_AT, 4, Map.of("k", "v")));

        CommandFields fields = CommandFields.read(EventCodec.encode(envelope));

        assertThat(fields).isEqualTo(new CommandFields(envelope.eventId(), EventType.MESSAGE_SCHEDULED, "m-1", 3,
            "campaign-7", "sender-1", SEND_AT));
        assertThat(fields.schedules()).isTrue();
        assertThat(fields.cancels()).isFalse();
    }

    @Test
    void aCancellationReadsAsCancellingItsVersion() {
        EventEnvelope envelope = envelope(new MessageCancelled("m-1", 2, null, "sender-1", "user request"));

        CommandFields fields = CommandFields.read(EventCodec.encode(envelope));

        assertThat(fields.cancels()).isTrue();
        assertThat(fields.version()).isEqualTo(2);
        assertThat(fields.messageId()).isEqualTo("m-1");
        assertThat(fields.campaignId()).isNull();
        assertThat(fields.sendAt()).isNull();
    }

    @Test
    void anEventThatIsNotACommandIsNeitherScheduledNorCancelled() {
        CommandFields fields = CommandFields.read(EventCodec.encode(envelope(new CampaignPaused("campaign-7"))));

        assertThat(fields.schedules()).isFalse();
        assertThat(fields.cancels()).isFalse();
        assertThat(fields.messageId()).isNull();
    }

    @Test
    void theEventIdAloneIsReadFromTheEnvelope() {
        EventEnvelope envelope = envelope(new MessageCancelled("m-1", 2, null, "sender-1", "user request"));

        assertThat(CommandFields.eventIdOf(EventCodec.encode(envelope))).isEqualTo(envelope.eventId());
    }

    @Test
    void fieldsAreFoundInAnyOrder() {
        String json = """
            {"payload": {"sendAt": "2026-12-01T08:00:00.123456Z", "content": {"type": "text", "body": "x"},
             "senderId": "sender-1", "version": 5, "messageId": "m-9"},
             "tenantId": null, "schemaVersion": 1, "type": "MessageScheduled",
             "eventId": "0b7e3c1e-8a3d-4a55-9f59-0d1c2e3f4a5b"}""";

        CommandFields fields = CommandFields.read(json.getBytes(StandardCharsets.UTF_8));

        assertThat(fields.messageId()).isEqualTo("m-9");
        assertThat(fields.version()).isEqualTo(5);
        assertThat(fields.sendAt()).isEqualTo(SEND_AT);
        assertThat(fields.eventId()).hasToString("0b7e3c1e-8a3d-4a55-9f59-0d1c2e3f4a5b");
    }

    @Test
    void aFirstScheduleIsToldApartFromEditsCancelsAndOtherEventsAsTheFullReadTellsIt() {
        byte[] first = EventCodec.encode(envelope(new MessageScheduled("m-1", 1, "campaign-7", "sender-1", "+14155550123",
            new TextContent("Hello", false), SEND_AT, 4, Map.of())));
        byte[] edit = EventCodec.encode(envelope(new MessageScheduled("m-1", 2, "campaign-7", "sender-1", "+14155550123",
            new TextContent("Hello again", false), SEND_AT, 4, Map.of())));
        byte[] cancel = EventCodec.encode(envelope(new MessageCancelled("m-1", 1, null, "sender-1", "user request")));
        byte[] other = EventCodec.encode(envelope(new CampaignPaused("campaign-7")));
        byte[] payloadFirst = """
            {"payload": {"version": 1, "messageId": "m-9"}, "type": "MessageScheduled", "schemaVersion": 1,
             "eventId": "0b7e3c1e-8a3d-4a55-9f59-0d1c2e3f4a5b"}""".getBytes(StandardCharsets.UTF_8);

        for (byte[] command : List.of(first, edit, cancel, other, payloadFirst)) {
            assertThat(EventCodec.isFirstSchedule(command)).isEqualTo(CommandFields.read(command).isFirstSchedule());
        }
        assertThat(EventCodec.isFirstSchedule(first)).isTrue();
        assertThat(EventCodec.isFirstSchedule(payloadFirst)).isTrue();
        assertThat(EventCodec.isFirstSchedule(edit)).isFalse();
        assertThat(EventCodec.isFirstSchedule(cancel)).isFalse();
        assertThat(EventCodec.isFirstSchedule("[1, 2]".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void aSchemaVersionNewerThanThisReaderIsRefusedAsTheCodecRefusesIt() {
        String json = """
            {"eventId": "0b7e3c1e-8a3d-4a55-9f59-0d1c2e3f4a5b", "type": "MessageCancelled", "schemaVersion": 99,
             "payload": {"messageId": "m-1", "version": 1}}""";

        assertThatThrownBy(() -> CommandFields.read(json.getBytes(StandardCharsets.UTF_8)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema version 99");
    }

    @Test
    void somethingThatIsNotAnEventIsRefused() {
        assertThatThrownBy(() -> CommandFields.read("[1, 2]".getBytes(StandardCharsets.UTF_8)))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommandFields.read("{\"type\": \"Nonsense\"}".getBytes(StandardCharsets.UTF_8)))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommandFields.eventIdOf("{\"type\": \"MessageCancelled\"}".getBytes(StandardCharsets.UTF_8)))
            .isInstanceOf(IllegalArgumentException.class);
    }

    private static EventEnvelope envelope(EventPayload payload) {
        return EventEnvelope.of("tenant-1", payload, Clock.systemUTC());
    }
}
