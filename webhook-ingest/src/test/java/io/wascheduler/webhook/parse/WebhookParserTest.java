package io.wascheduler.webhook.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.wascheduler.model.event.DeliveryStatus;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.EventType;
import io.wascheduler.model.event.InboundMessageReceived;
import io.wascheduler.model.event.MessageStatusReported;
import io.wascheduler.model.event.MetaError;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookParserTest {

    private static final Instant RECEIVED_AT = Instant.parse("2026-06-18T16:30:00Z");

    private final WebhookParser parser = new WebhookParser(Clock.fixed(RECEIVED_AT, ZoneOffset.UTC));

    @Test
    void everyStatusOfEveryChangeOfEveryEntryBecomesAnEvent() {
        ParsedWebhook webhook = parser.parse(WebhookPayloads.load("batched-statuses.json"));

        assertThat(statuses(webhook)).extracting(MessageStatusReported::messageId, MessageStatusReported::version,
                MessageStatusReported::campaignId, MessageStatusReported::senderId, MessageStatusReported::status)
            .containsExactly(
                tuple("msg_01", 2L, "cmp_07", "106540352242922", DeliveryStatus.SENT),
                tuple("msg_02", 1L, "cmp_07", "106540352242922", DeliveryStatus.DELIVERED),
                tuple("msg_03", 1L, null, "106540352242933", DeliveryStatus.READ),
                tuple("msg_04", 3L, "cmp_08", "106540352242944", DeliveryStatus.DELIVERED),
                tuple("msg_05", 1L, "cmp_08", "106540352242944", DeliveryStatus.READ));
        assertThat(webhook.inboundMessages()).isEmpty();
    }

    @Test
    void aStatusKeepsItsWamidTimeRecipientPricingAndConversation() {
        MessageStatusReported sent = statuses(parser.parse(WebhookPayloads.load("batched-statuses.json"))).getFirst();

        assertThat(sent.wamid()).isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJBAAE=");
        assertThat(sent.statusAt()).isEqualTo(Instant.ofEpochSecond(1750263773));
        assertThat(sent.recipientId()).isEqualTo("16505551234");
        assertThat(sent.pricing().path("category").asString()).isEqualTo("marketing");
        assertThat(sent.pricing().path("billable").asBoolean()).isTrue();
        assertThat(sent.conversation().path("origin").path("type").asString()).isEqualTo("marketing");
        assertThat(sent.errors()).isEmpty();
    }

    @Test
    void eventsAreEnvelopedWithoutTenantAndStampedWithTheReceiptTime() {
        List<EventEnvelope> envelopes = parser.parse(WebhookPayloads.load("batched-statuses.json")).statuses();

        assertThat(envelopes).allSatisfy(envelope -> {
            assertThat(envelope.type()).isEqualTo(EventType.MESSAGE_STATUS_REPORTED);
            assertThat(envelope.tenantId()).isNull();
            assertThat(envelope.occurredAt()).isEqualTo(RECEIVED_AT);
        });
        assertThat(envelopes).extracting(EventEnvelope::eventId).doesNotHaveDuplicates();
        assertThat(envelopes).extracting(EventEnvelope::key)
            .containsExactly("msg_01", "msg_02", "msg_03", "msg_04", "msg_05");
    }

    @Test
    void aFailedStatusCarriesMetasErrorsWithTheirDetails() {
        MessageStatusReported failed = statuses(parser.parse(WebhookPayloads.load("failed-status.json"))).getFirst();

        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.messageId()).isEqualTo("msg_11");
        assertThat(failed.errors()).containsExactly(
            new MetaError(131026, "Message undeliverable", "Message Undeliverable."),
            new MetaError(131049, "This message was not delivered to maintain healthy ecosystem engagement.",
                "This message was not delivered to maintain healthy ecosystem engagement."));
    }

    @Test
    void aStatusWithoutOurCallbackDataIsKeyedByItsWamid() {
        List<MessageStatusReported> statuses =
            statuses(parser.parse(WebhookPayloads.load("status-without-callback-data.json")));

        assertThat(statuses).hasSize(2).allSatisfy(status -> {
            assertThat(status.messageId()).isNull();
            assertThat(status.version()).isZero();
            assertThat(status.campaignId()).isNull();
            assertThat(status.key()).isEqualTo(status.wamid());
        });
    }

    @Test
    void anInboundTextMessageBecomesAnInboundEventWithMetasMessageUnchanged() {
        ParsedWebhook webhook = parser.parse(WebhookPayloads.load("inbound-text.json"));

        assertThat(webhook.statuses()).isEmpty();
        assertThat(webhook.inboundMessages()).singleElement().satisfies(envelope -> {
            assertThat(envelope.type()).isEqualTo(EventType.INBOUND_MESSAGE_RECEIVED);
            InboundMessageReceived inbound = envelope.payloadAs(InboundMessageReceived.class);
            assertThat(inbound.phoneNumberId()).isEqualTo("106540352242922");
            assertThat(inbound.from()).isEqualTo("16315551181");
            assertThat(inbound.wamid()).isEqualTo("wamid.ABGGFlA5FpafAgo6EHlRJGMsrFHn0qVn8L0BAg==");
            assertThat(inbound.messageType()).isEqualTo("text");
            assertThat(inbound.receivedAt()).isEqualTo(Instant.ofEpochSecond(1750264100));
            assertThat(inbound.message().path("text").path("body").asString())
                .isEqualTo("Can I change my delivery slot?");
        });
    }

    @Test
    void otherWebhookKindsYieldNoEventsButKeepTheirBodyUnderTheWabaId() {
        for (String kind : List.of("template-status-update.json", "account-update.json")) {
            byte[] body = WebhookPayloads.load(kind);

            ParsedWebhook webhook = parser.parse(body);

            assertThat(webhook.statuses()).as(kind).isEmpty();
            assertThat(webhook.inboundMessages()).as(kind).isEmpty();
            assertThat(webhook.raw().key()).as(kind).isEqualTo("102290129340398");
            assertThat(webhook.raw().body()).as(kind).isSameAs(body);
        }
    }

    @Test
    void unknownFieldsOddShapesAndUnknownStatusesAreToleratedAndOnlyKnownStatusesBecomeEvents() {
        ParsedWebhook webhook = parser.parse(WebhookPayloads.load("unknown-fields.json"));

        assertThat(statuses(webhook)).extracting(MessageStatusReported::wamid).containsExactly(
            "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJEAAE=", "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJEAAM=");
        assertThat(webhook.raw().key()).isEqualTo("106540352242922");
    }

    @Test
    void newStatusFieldsAreIgnoredWhileKnownOnesAreRead() {
        List<MessageStatusReported> statuses = statuses(parser.parse(WebhookPayloads.load("unknown-fields.json")));

        MessageStatusReported read = statuses.getFirst();
        assertThat(read.status()).isEqualTo(DeliveryStatus.READ);
        assertThat(read.messageId()).isEqualTo("msg_21");
        assertThat(read.version()).isEqualTo(4);
        assertThat(read.recipientId()).isEmpty();
        assertThat(read.pricing().path("type").asString()).isEqualTo("free_customer_service");
        assertThat(read.conversation()).isNull();
    }

    @Test
    void anUnreadableTimestampFallsBackToTheReceiptTime() {
        MessageStatusReported delivered =
            statuses(parser.parse(WebhookPayloads.load("unknown-fields.json"))).get(1);

        assertThat(delivered.statusAt()).isEqualTo(RECEIVED_AT);
        assertThat(delivered.recipientId()).isEqualTo("16505551234");
        assertThat(delivered.errors()).isEmpty();
    }

    @Test
    void anyJsonDocumentIsAcceptedEvenWithoutEntries() {
        for (String body : List.of("{}", "[]", "\"text\"", "42", "null", "{\"entry\":{}}", "{\"entry\":[[]]}")) {
            ParsedWebhook webhook = parser.parse(body.getBytes(StandardCharsets.UTF_8));

            assertThat(webhook.statuses()).as(body).isEmpty();
            assertThat(webhook.raw().key()).as(body).isNull();
        }
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedAsMalformed() {
        for (String body : List.of("", "{", "{\"entry\": [}", "not json", "{\"a\":1} trailing")) {
            assertThatThrownBy(() -> parser.parse(body.getBytes(StandardCharsets.UTF_8)))
                .as(body).isInstanceOf(MalformedWebhookException.class);
        }
    }

    private static List<MessageStatusReported> statuses(ParsedWebhook webhook) {
        return webhook.statuses().stream().map(envelope -> envelope.payloadAs(MessageStatusReported.class)).toList();
    }
}
