package io.wascheduler.api.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.api.SharedPostgresAccess;
import io.wascheduler.api.TopicRecords;
import io.wascheduler.embeddedpostgres.EmbeddedPostgres;
import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.MessageCancelled;
import io.wascheduler.model.event.MessageScheduled;
import io.wascheduler.model.topic.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With no Kafka broker reachable the API still accepts requests: their events wait in the outbox, durable.
 * When a real broker comes up on the address the service was given, the relay publishes every one of
 * them, in order per message, and any duplicate is byte-identical. Runs in its own schema so no other
 * context's relay drains it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.kafka.admin.operation-timeout=1s",
    "spring.kafka.listener.auto-startup=false",
    "wa.api.outbox.send-timeout=2s",
    "wa.api.outbox.retry-backoff=500ms",
    // launch pages of 10 events, so the launch below leaves three page rows waiting
    "wa.api.launch-page-size=10",
    "wa.api.admin-token=admin",
    "wa.api.internal-token=internal",
    "wa.api.token-encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
    "wa.api.projector-base-url=http://127.0.0.1:9"})
@AutoConfigureWebTestClient(timeout = "30s")
class KafkaDownTest {

    private static final String SCHEMA = "kafka_down";
    /** Three launch pages: 10, 10 and 5. */
    private static final int CAMPAIGN_RECIPIENTS = 25;
    /** Free now; nothing listens on it until the test starts the broker there. */
    private static final int BROKER_PORT = freePort();

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    @DynamicPropertySource
    static void ownSchemaAndAbsentBroker(DynamicPropertyRegistry registry) {
        EmbeddedPostgres postgres = SharedPostgresAccess.get();
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + BROKER_PORT);
        registry.add("spring.r2dbc.url", () -> postgres.r2dbcUrl() + "?schema=" + SCHEMA);
        registry.add("spring.r2dbc.username", postgres::user);
        registry.add("spring.r2dbc.password", postgres::password);
        registry.add("spring.flyway.url", postgres::jdbcUrl);
        registry.add("spring.flyway.schemas", () -> SCHEMA);
        registry.add("spring.flyway.user", postgres::user);
        registry.add("spring.flyway.password", postgres::password);
    }

    @Test
    void requestsAcceptedWhileKafkaIsDownArePublishedInOrderOnceTheBrokerComesUp() throws Exception {
        String apiKey = (String) web.post().uri("/admin/v1/tenants").header("Authorization", "Bearer admin")
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Offline")).exchange()
            .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("apiKey");
        web.post().uri("/v1/senders").header("Authorization", "Bearer " + apiKey).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("phoneNumberId", "5550001", "displayPhoneNumber", "+1 555", "accessToken", "t")).exchange()
            .expectStatus().isCreated();
        String edited = schedule(apiKey, "+14155550123");
        String untouched = schedule(apiKey, "+14155550124");
        web.patch().uri("/v1/messages/" + edited).header("Authorization", "Bearer " + apiKey).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("content", Map.of("type", "text", "text", "Edited"))).exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2);
        web.delete().uri("/v1/messages/" + edited).header("Authorization", "Bearer " + apiKey).exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CANCELLED");

        String campaignId = launchCampaign(apiKey, CAMPAIGN_RECIPIENTS);
        String cancelledAfterLaunch = firstMessageOf(apiKey, campaignId);
        web.delete().uri("/v1/messages/" + cancelledAfterLaunch).header("Authorization", "Bearer " + apiKey).exchange()
            .expectStatus().isOk();
        assertThat(db.sql("select count(*) as n from outbox where event_count > 1").map(row -> row.get("n", Long.class))
            .one().block()).as("one outbox row per launch page").isEqualTo(3);
        // SenderConfigured, 2 messages scheduled, an edit and a cancel, CampaignScheduled, 25 launched, a cancel
        web.get().uri("/v1/health").header("Authorization", "Bearer " + apiKey).exchange()
            .expectBody().jsonPath("$.outbox.pending").isEqualTo(6 + CAMPAIGN_RECIPIENTS + 1);

        List<String> pending = db.sql("select payload from outbox where record_key = :id order by id").bind("id", edited)
            .map(row -> row.get("payload", String.class)).all().collectList().block();
        assertThat(pending).hasSize(3);

        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 2, Topics.MESSAGE_COMMANDS.name(),
            Topics.SENDER_CONFIG.name(), Topics.CAMPAIGN_EVENTS.name());
        broker.brokerProperties(Map.of("transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1",
                "transaction.state.log.num.partitions", "4"));
        broker.afterPropertiesSet();
        // EmbeddedKafkaKraftBroker ignores kafkaPorts(...) (spring-kafka-test 4.1.0), so the broker's own port is
        // forwarded from the one the service was given; the service then follows the broker's advertised address
        try (PortForwarder ignored = new PortForwarder(BROKER_PORT, brokerPort(broker))) {
            List<EventEnvelope> editedEvents = distinctInOrder(TopicRecords.awaitRecords(broker, Topics.MESSAGE_COMMANDS,
                record -> edited.equals(record.key()), 3));
            assertThat(editedEvents).extracting(event -> event.payload().getClass().getSimpleName())
                .containsExactly("MessageScheduled", "MessageScheduled", "MessageCancelled");
            assertThat(editedEvents.get(1).payload()).isInstanceOfSatisfying(MessageScheduled.class,
                scheduled -> assertThat(scheduled.version()).isEqualTo(2));
            assertThat(editedEvents.get(2).payload()).isInstanceOfSatisfying(MessageCancelled.class,
                cancelled -> assertThat(cancelled.version()).isEqualTo(2));
            assertThat(distinctInOrder(TopicRecords.awaitRecords(broker, Topics.MESSAGE_COMMANDS,
                record -> untouched.equals(record.key()), 1))).singleElement()
                .satisfies(event -> assertThat(event.payload()).isInstanceOf(MessageScheduled.class));
            List<EventEnvelope> launched = distinctInOrder(TopicRecords.awaitRecords(broker, Topics.MESSAGE_COMMANDS,
                record -> new String(record.value()).contains(campaignId), CAMPAIGN_RECIPIENTS + 1));
            assertThat(launched).filteredOn(event -> event.payload() instanceof MessageScheduled)
                .extracting(event -> ((MessageScheduled) event.payload()).messageId()).doesNotHaveDuplicates()
                .hasSize(CAMPAIGN_RECIPIENTS);
            assertThat(launched).filteredOn(event -> cancelledAfterLaunch.equals(event.key()))
                .extracting(event -> event.payload().getClass().getSimpleName())
                .containsExactly("MessageScheduled", "MessageCancelled");
            Awaitility.await().untilAsserted(() -> assertThat(db.sql("select count(*) as n from outbox")
                .map(row -> row.get("n", Long.class)).one().block()).isZero());
        } finally {
            broker.destroy();
        }
    }

    private String launchCampaign(String apiKey, int recipients) {
        String campaignId = (String) web.post().uri("/v1/campaigns").header("Authorization", "Bearer " + apiKey)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("name", "Offline launch", "from", "5550001", "content", Map.of("type", "text", "text", "Hi {{name}}")))
            .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        String rows = IntStream.range(0, recipients)
            .mapToObj(i -> "{\"to\":\"+1415502" + (1000 + i) + "\",\"vars\":{\"name\":\"n" + i + "\"}}")
            .collect(Collectors.joining("\n"));
        web.post().uri("/v1/campaigns/" + campaignId + "/recipients").header("Authorization", "Bearer " + apiKey)
            .contentType(MediaType.APPLICATION_NDJSON).bodyValue(rows).exchange().expectStatus().isOk();
        web.post().uri("/v1/campaigns/" + campaignId + "/launch").header("Authorization", "Bearer " + apiKey)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange().expectStatus().isOk();
        return campaignId;
    }

    private String firstMessageOf(String apiKey, String campaignId) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) web.get().uri("/v1/campaigns/" + campaignId + "/messages?limit=1")
            .header("Authorization", "Bearer " + apiKey).exchange().expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody().get("items");
        return (String) items.getFirst().get("id");
    }

    private static int brokerPort(EmbeddedKafkaKraftBroker broker) {
        String address = broker.getBrokersAsString().split(",")[0];
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    /** The records' events in offset order, a redelivered event kept once after checking it is byte-identical. */
    private static List<EventEnvelope> distinctInOrder(List<ConsumerRecord<String, byte[]>> records) {
        Map<Object, byte[]> seen = new HashMap<>();
        return records.stream().filter(record -> {
            EventEnvelope event = TopicRecords.decode(record);
            byte[] earlier = seen.putIfAbsent(event.eventId(), record.value());
            assertThat(earlier == null || Arrays.equals(earlier, record.value())).as("a duplicate has the same bytes").isTrue();
            return earlier == null;
        }).map(TopicRecords::decode).toList();
    }

    private String schedule(String apiKey, String to) {
        return (String) web.post().uri("/v1/messages").header("Authorization", "Bearer " + apiKey)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("from", "5550001", "to", to, "content", Map.of("type", "text", "text", "Hi")))
            .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
