package io.wascheduler.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.wascheduler.model.event.DeliveryStatus;
import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.EventType;
import io.wascheduler.model.event.InboundMessageReceived;
import io.wascheduler.model.event.MessageStatusReported;
import io.wascheduler.model.event.MetaError;
import io.wascheduler.model.topic.Topics;
import io.wascheduler.webhook.parse.WebhookPayloads;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What an acknowledged webhook leaves on the topics. */
@IngestIntegrationTest
class WebhookPublishingIntegrationTest {

    @Autowired
    private MeterRegistry meters;
    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;
    private MetaWebhooks meta;
    private TopicRecords topics;

    @BeforeEach
    void connect(@Autowired WebTestClient client) {
        meta = new MetaWebhooks(client, IngestIntegrationTest.APP_SECRET);
        topics = new TopicRecords(bootstrapServers);
    }

    @Test
    void aSignedBatchIsAcknowledgedWithEveryStatusOnTheStatusTopicKeyedByMessageId() {
        byte[] body = WebhookPayloads.load("batched-statuses.json");
        double readsBefore = statusesCounted("read");

        meta.postSigned(body).expectStatus().isOk();

        List<ConsumerRecord<String, byte[]>> records = topics.awaitRecords(Topics.MESSAGE_STATUSES.name(),
            record -> record.key().startsWith("msg_0"), 5);
        assertThat(records).extracting(ConsumerRecord::key)
            .containsExactlyInAnyOrder("msg_01", "msg_02", "msg_03", "msg_04", "msg_05");
        EventEnvelope first = decode(records.stream().filter(record -> record.key().equals("msg_01")).findFirst()
            .orElseThrow());
        assertThat(first.type()).isEqualTo(EventType.MESSAGE_STATUS_REPORTED);
        assertThat(first.tenantId()).isNull();
        MessageStatusReported sent = first.payloadAs(MessageStatusReported.class);
        assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(sent.wamid()).isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJBAAE=");
        assertThat(sent.version()).isEqualTo(2);
        assertThat(sent.campaignId()).isEqualTo("cmp_07");
        assertThat(sent.senderId()).isEqualTo("106540352242922");
        assertThat(sent.statusAt()).isEqualTo(Instant.ofEpochSecond(1750263773));
        assertThat(sent.pricing().path("pricing_model").asString()).isEqualTo("PMP");
        assertThat(sent.conversation().path("id").asString()).isEqualTo("6ceb9d929c9ebc6d1da2b8e1c1a1cf0c");
        assertThat(statusesCounted("read") - readsBefore).isEqualTo(2);
    }

    @Test
    void theRawBodyIsKeptByteForByteUnderItsPhoneNumberId() {
        byte[] body = WebhookPayloads.load("failed-status.json");

        meta.postSigned(body).expectStatus().isOk();

        ConsumerRecord<String, byte[]> raw = topics.awaitRecords(Topics.WEBHOOK_RAW.name(),
            record -> Arrays.equals(record.value(), body), 1).getFirst();
        assertThat(raw.key()).isEqualTo("106540352242922");
        MessageStatusReported failed = decode(topics.awaitRecords(Topics.MESSAGE_STATUSES.name(),
            record -> "msg_11".equals(record.key()), 1).getFirst()).payloadAs(MessageStatusReported.class);
        assertThat(failed.errors()).contains(new MetaError(131026, "Message undeliverable", "Message Undeliverable."));
    }

    @Test
    void aStatusWithoutOurCallbackDataIsPublishedKeyedByItsWamidForTheProjectorToMatch() {
        byte[] body = WebhookPayloads.load("status-without-callback-data.json");

        meta.postSigned(body).expectStatus().isOk();

        List<ConsumerRecord<String, byte[]>> records = topics.awaitRecords(Topics.MESSAGE_STATUSES.name(),
            record -> record.key().startsWith("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDAA"), 2);
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(
            "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDAAE=", "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDAAI=");
        assertThat(records).map(record -> decode(record).payloadAs(MessageStatusReported.class))
            .allSatisfy(status -> assertThat(status.messageId()).isNull())
            .extracting(MessageStatusReported::status)
            .containsExactlyInAnyOrder(DeliveryStatus.DELIVERED, DeliveryStatus.SENT);
    }

    @Test
    void anInboundMessageIsPublishedOnTheInboundTopicKeyedByPhoneNumberId() {
        byte[] body = WebhookPayloads.load("inbound-text.json");

        meta.postSigned(body).expectStatus().isOk();

        ConsumerRecord<String, byte[]> record = topics.awaitRecords(Topics.INBOUND_MESSAGES.name(),
            candidate -> "106540352242922".equals(candidate.key()), 1).getFirst();
        InboundMessageReceived inbound = decode(record).payloadAs(InboundMessageReceived.class);
        assertThat(inbound.from()).isEqualTo("16315551181");
        assertThat(inbound.message().path("text").path("body").asString()).isEqualTo("Can I change my delivery slot?");
    }

    @Test
    void otherWebhookKindsAndOddShapesAreAcknowledgedAndKeptOnTheRawTopic() {
        for (String kind : List.of("account-update.json", "template-status-update.json", "unknown-fields.json")) {
            byte[] body = WebhookPayloads.load(kind);
            long inboundBefore = topics.count(Topics.INBOUND_MESSAGES.name());

            meta.postSigned(body).expectStatus().isOk();

            assertThat(topics.awaitRecords(Topics.WEBHOOK_RAW.name(), record -> Arrays.equals(record.value(), body), 1))
                .as(kind).hasSize(1);
            assertThat(topics.count(Topics.INBOUND_MESSAGES.name())).as(kind).isEqualTo(inboundBefore);
        }
    }

    @Test
    void aBodyNearMetasThreeMegabyteCeilingIsAcknowledgedAndKeptWhole() {
        String failed = new String(WebhookPayloads.load("failed-status.json"), java.nio.charset.StandardCharsets.UTF_8);
        String padding = "x".repeat(3 * 1024 * 1024 - failed.length() - 64);
        byte[] body = failed.replaceFirst("\\{", "{\"later_field_from_meta\":\"" + padding + "\",")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        meta.postSigned(body).expectStatus().isOk();

        assertThat(topics.awaitRecords(Topics.WEBHOOK_RAW.name(), record -> Arrays.equals(record.value(), body), 1))
            .hasSize(1);
    }

    private double statusesCounted(String status) {
        Counter counter = meters.find("wa.webhook.statuses").tag("status", status).counter();
        return counter == null ? 0 : counter.count();
    }

    private static EventEnvelope decode(ConsumerRecord<String, byte[]> record) {
        return EventCodec.decode(record.value());
    }
}
