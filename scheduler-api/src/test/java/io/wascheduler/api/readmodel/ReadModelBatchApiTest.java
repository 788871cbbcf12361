package io.wascheduler.api.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.api.IntegrationTest;
import io.wascheduler.api.TestTenant;
import io.wascheduler.model.event.DeliveryStatus;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.EventPayload;
import io.wascheduler.model.event.EventSerde;
import io.wascheduler.model.event.MessageDispatchFailed;
import io.wascheduler.model.event.MessageDispatched;
import io.wascheduler.model.event.MessageStatusReported;
import io.wascheduler.model.event.MetaError;
import io.wascheduler.model.topic.TopicSpec;
import io.wascheduler.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The read model applies a poll's events together. Events published while its consumers are paused arrive as
 * one batch; a message fed the same events one at a time (each committed before the next is sent) is the
 * reference they must match.
 */
class ReadModelBatchApiTest extends IntegrationTest {

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final MetaError THROTTLED = new MetaError(130429, "Rate limit hit", "Too many messages");

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    private KafkaProducer<String, byte[]> producer;
    private Admin admin;

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
            new StringSerializer(), new ByteArraySerializer());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
    }

    @AfterEach
    void disconnect() {
        producer.close();
        admin.close();
    }

    @Test
    void outOfOrderAndDuplicatedEventsForOneMessageInOneBatchShowWhatApplyingThemOneByOneShows() {
        TestTenant tenant = newTenant();
        String oneByOne = schedule(tenant);
        String batched = schedule(tenant);

        outcomes(tenant, oneByOne).forEach(event -> publishAndAwaitApplied(tenant, Topics.MESSAGE_OUTCOMES, event));
        statuses(tenant, oneByOne).forEach(event -> publishAndAwaitApplied(tenant, Topics.MESSAGE_STATUSES, event));
        inOneBatch(() -> outcomes(tenant, batched).forEach(event -> publish(tenant, Topics.MESSAGE_OUTCOMES, event)));
        Awaitility.await().untilAsserted(() -> assertThat(view(tenant, batched).get("status")).isEqualTo("SENT"));
        inOneBatch(() -> statuses(tenant, batched).forEach(event -> publish(tenant, Topics.MESSAGE_STATUSES, event)));

        Awaitility.await().untilAsserted(() -> assertThat(view(tenant, batched).get("status")).isEqualTo("READ"));
        Map<String, Object> expected = view(tenant, oneByOne);
        Map<String, Object> shown = view(tenant, batched);
        for (String field : List.of("status", "version", "attempts", "nextAttemptAt", "sentAt", "deliveredAt", "readAt",
            "failedAt", "error")) {
            assertThat(shown.get(field)).as(field).isEqualTo(expected.get(field));
        }
        assertThat(shown.get("wamid")).isEqualTo("wamid." + batched);
        assertThat(laterHistory(shown)).isEqualTo(laterHistory(expected)).containsExactly(
            Map.of("status", "SENDING", "version", 1, "at", T0.toString(), "detail", "130429 Rate limit hit"),
            Map.of("status", "SENT", "version", 1, "at", T0.plusSeconds(1).toString()),
            Map.of("status", "DELIVERED", "version", 1, "at", T0.plusSeconds(5).toString()),
            Map.of("status", "READ", "version", 1, "at", T0.plusSeconds(9).toString()));
        assertThat(shown).containsEntry("status", "READ").containsEntry("attempts", 2)
            .containsEntry("sentAt", T0.plusSeconds(1).toString()).containsEntry("deliveredAt", T0.plusSeconds(5).toString())
            .containsEntry("readAt", T0.plusSeconds(9).toString());
    }

    @Test
    void anUndecodableRecordIsSkippedAndTheEventsAfterItInItsBatchAreApplied() {
        TestTenant tenant = newTenant();
        String id = schedule(tenant);

        inOneBatch(() -> {
            send(new ProducerRecord<>(Topics.MESSAGE_STATUSES.name(), id, "not an event".getBytes(StandardCharsets.UTF_8)));
            publish(tenant, Topics.MESSAGE_STATUSES, status(tenant, id, DeliveryStatus.DELIVERED, T0.plusSeconds(5)));
        });

        Awaitility.await().untilAsserted(() -> assertThat(view(tenant, id))
            .containsEntry("status", "DELIVERED").containsEntry("deliveredAt", T0.plusSeconds(5).toString()));
    }

    private static List<EventPayload> outcomes(TestTenant tenant, String id) {
        MessageDispatched dispatched = new MessageDispatched(id, 1, null, tenant.sender(), "+14155550123", "wamid." + id, 2,
            T0.plusSeconds(1));
        return List.of(new MessageDispatchFailed(id, 1, null, tenant.sender(), 1, THROTTLED, false, T0.plusSeconds(30), T0),
            dispatched, dispatched);
    }

    /**
     * Keyed by wamid, the status without callback data may sit on another partition, so its place among the others
     * is not fixed: it repeats the READ, which leaves the same history wherever it lands.
     */
    private static List<EventPayload> statuses(TestTenant tenant, String id) {
        return List.of(status(tenant, id, DeliveryStatus.READ, T0.plusSeconds(9)),
            status(tenant, id, DeliveryStatus.DELIVERED, T0.plusSeconds(5)),
            status(tenant, id, DeliveryStatus.READ, T0.plusSeconds(9)),
            new MessageStatusReported(null, 0, null, tenant.sender(), "wamid." + id, DeliveryStatus.READ,
                T0.plusSeconds(9), "14155550123", List.of(), null, null),
            status(tenant, id, DeliveryStatus.SENT, T0.plusSeconds(2)));
    }

    private static MessageStatusReported status(TestTenant tenant, String id, DeliveryStatus status, Instant at) {
        return new MessageStatusReported(id, 1, null, tenant.sender(), "wamid." + id, status, at, "14155550123", List.of(), null,
            null);
    }

    /** Publishes while the read model's consumers are paused, so that what was published reaches them in one poll. */
    private void inOneBatch(Runnable publishing) {
        MessageListenerContainer container = listeners.getListenerContainer(ReadModelListener.MESSAGE_EVENTS);
        container.pause();
        try {
            Awaitility.await().until(container::isContainerPaused);
            publishing.run();
        } finally {
            container.resume();
        }
    }

    private void publishAndAwaitApplied(TestTenant tenant, TopicSpec topic, EventPayload event) {
        RecordMetadata sent = publish(tenant, topic, event);
        TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
        Awaitility.await().until(() -> {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(ReadModelListener.MESSAGE_EVENTS)
                .partitionsToOffsetAndMetadata().get().get(partition);
            return committed != null && committed.offset() > sent.offset();
        });
    }

    private RecordMetadata publish(TestTenant tenant, TopicSpec topic, EventPayload payload) {
        EventEnvelope event = EventEnvelope.of(tenant.id(), payload, Clock.systemUTC());
        return send(new ProducerRecord<>(topic.name(), event.key(), new EventSerde().serializer().serialize(topic.name(), event)));
    }

    private RecordMetadata send(ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish the test record", e);
        }
    }

    private static String schedule(TestTenant tenant) {
        var created = tenant.post("/v1/messages", Map.of("from", tenant.sender(), "to", "+14155550123",
                "content", Map.of("type", "text", "text", "Hello")))
            .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) created.get("id");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> view(TestTenant tenant, String id) {
        return tenant.get("/v1/messages/" + id).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    /** The history after the message's creation (whose instant differs between two messages). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> laterHistory(Map<String, Object> view) {
        List<Map<String, Object>> history = (List<Map<String, Object>>) view.get("history");
        return history.subList(1, history.size()).stream()
            .map(entry -> {
                Map<String, Object> kept = new HashMap<>(entry);
                kept.values().removeIf(Objects::isNull);
                return (Map<String, Object>) kept;
            }).toList();
    }
}
