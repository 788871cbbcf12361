package io.wascheduler.api.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.api.IntegrationTest;
import io.wascheduler.api.TestTenant;
import io.wascheduler.api.TopicRecords;
import io.wascheduler.model.content.TextContent;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.EventType;
import io.wascheduler.model.event.MessageScheduled;
import io.wascheduler.model.topic.Topics;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

class MessageApiTest extends IntegrationTest {

    @Autowired
    DatabaseClient db;

    @Test
    void aScheduledMessageIsStoredAnnouncedOnTheCommandTopicAndLeavesTheOutbox() {
        TestTenant tenant = newTenant();
        Instant sendAt = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = Map.of("from", tenant.sender(), "to", "+14155550123",
            "content", Map.of("type", "text", "text", "Hello"), "sendAt", sendAt.toString(), "metadata", Map.of("orderId", "A-17"));

        var created = tenant.post("/v1/messages", body).expectStatus().isCreated()
            .expectHeader().value("Location", location -> assertThat(location).startsWith("/v1/messages/"))
            .expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) created.get("id");

        tenant.get("/v1/messages/" + id).expectStatus().isOk().expectBody()
            .jsonPath("$.status").isEqualTo("SCHEDULED")
            .jsonPath("$.version").isEqualTo(1)
            .jsonPath("$.to").isEqualTo("+14155550123")
            .jsonPath("$.maxAttempts").isEqualTo(4)
            .jsonPath("$.sendAt").isEqualTo(sendAt.toString())
            .jsonPath("$.history[0].status").isEqualTo("SCHEDULED");

        List<ConsumerRecord<String, byte[]>> records = TopicRecords.awaitRecords(broker, Topics.MESSAGE_COMMANDS, r -> id.equals(r.key()), 1);
        EventEnvelope event = TopicRecords.decode(records.getFirst());
        assertThat(event.type()).isEqualTo(EventType.MESSAGE_SCHEDULED);
        assertThat(event.tenantId()).isEqualTo(tenant.id());
        assertThat(event.payloadAs(MessageScheduled.class)).isEqualTo(new MessageScheduled(id, 1, null, tenant.sender(),
            "+14155550123", new TextContent("Hello", false), sendAt, 4, Map.of("orderId", "A-17")));
        Awaitility.await().untilAsserted(() -> assertThat(db.sql("select count(*) as n from outbox where record_key = :id")
            .bind("id", id).map(row -> row.get("n", Long.class)).one().block()).isZero());
    }

    @Test
    void aMessageWithoutSendAtIsDueNow() {
        TestTenant tenant = newTenant();
        Instant before = Instant.now();
        var created = tenant.post("/v1/messages", Map.of("from", tenant.sender(), "to", "+442071838750",
                "content", Map.of("type", "image", "link", "https://example.com/a.png", "caption", "Look")))
            .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(Instant.parse((String) created.get("sendAt"))).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(created.get("content")).isEqualTo(Map.of("type", "image", "link", "https://example.com/a.png", "caption", "Look"));
    }

    @Test
    void anotherTenantsMessageIsNotFound() {
        TestTenant owner = newTenant();
        TestTenant stranger = newTenant();
        var created = owner.post("/v1/messages", Map.of("from", owner.sender(), "to", "+14155550123",
                "content", Map.of("type", "text", "text", "Hi")))
            .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();

        stranger.get("/v1/messages/" + created.get("id")).expectStatus().isNotFound()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.status").isEqualTo(404).jsonPath("$.to").doesNotExist();
    }

    @Test
    void aMessageFromAnotherTenantsSenderIsRejected() {
        TestTenant owner = newTenant();
        TestTenant stranger = newTenant();
        stranger.post("/v1/messages", Map.of("from", owner.sender(), "to", "+14155550123",
                "content", Map.of("type", "text", "text", "Hi")))
            .expectStatus().isBadRequest()
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
    }
}
