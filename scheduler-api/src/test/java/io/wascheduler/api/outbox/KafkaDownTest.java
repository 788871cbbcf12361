package io.wascheduler.api.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.api.SharedPostgresAccess;
import io.wascheduler.embeddedpostgres.EmbeddedPostgres;
import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.event.MessageScheduled;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With no Kafka broker reachable the API still accepts messages: the event waits in the outbox, durable,
 * until the relay can publish it. Runs in its own schema so no other context's relay drains it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.kafka.bootstrap-servers=127.0.0.1:9",
    "spring.kafka.admin.operation-timeout=1s",
    "spring.kafka.listener.auto-startup=false",
    "wa.api.outbox.send-timeout=2s",
    "wa.api.admin-token=admin",
    "wa.api.internal-token=internal",
    "wa.api.token-encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
    "wa.api.projector-base-url=http://127.0.0.1:9"})
@AutoConfigureWebTestClient
class KafkaDownTest {

    private static final String SCHEMA = "kafka_down";

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    @DynamicPropertySource
    static void ownSchema(DynamicPropertyRegistry registry) {
        EmbeddedPostgres postgres = SharedPostgresAccess.get();
        registry.add("spring.r2dbc.url", () -> postgres.r2dbcUrl() + "?schema=" + SCHEMA);
        registry.add("spring.r2dbc.username", postgres::user);
        registry.add("spring.r2dbc.password", postgres::password);
        registry.add("spring.flyway.url", postgres::jdbcUrl);
        registry.add("spring.flyway.schemas", () -> SCHEMA);
        registry.add("spring.flyway.user", postgres::user);
        registry.add("spring.flyway.password", postgres::password);
    }

    @Test
    void aMessageIsAcceptedWhileKafkaIsDownAndItsEventWaitsInTheOutbox() {
        Map<?, ?> tenant = web.post().uri("/admin/v1/tenants").header("Authorization", "Bearer admin")
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Offline")).exchange()
            .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String apiKey = (String) tenant.get("apiKey");
        web.post().uri("/v1/senders").header("Authorization", "Bearer " + apiKey).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("phoneNumberId", "5550001", "displayPhoneNumber", "+1 555", "accessToken", "t")).exchange()
            .expectStatus().isCreated();

        String id = (String) web.post().uri("/v1/messages").header("Authorization", "Bearer " + apiKey)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("from", "5550001", "to", "+14155550123", "content", Map.of("type", "text", "text", "Hi")))
            .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");

        List<String> pending = db.sql("select payload from outbox where record_key = :id").bind("id", id)
            .map(row -> row.get("payload", String.class)).all().collectList().block();
        assertThat(pending).singleElement()
            .satisfies(payload -> assertThat(EventCodec.decode(payload.getBytes()).payload())
                .isInstanceOfSatisfying(MessageScheduled.class, scheduled -> assertThat(scheduled.messageId()).isEqualTo(id)));
    }
}
