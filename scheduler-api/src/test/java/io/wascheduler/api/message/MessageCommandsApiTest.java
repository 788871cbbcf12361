package io.wascheduler.api.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.api.IntegrationTest;
import io.wascheduler.api.TestTenant;
import io.wascheduler.api.TopicRecords;
import io.wascheduler.model.content.TextContent;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.MessageCancelled;
import io.wascheduler.model.event.MessageDispatchFailed;
import io.wascheduler.model.event.MessageDispatched;
import io.wascheduler.model.event.MessageScheduled;
import io.wascheduler.model.event.MetaError;
import io.wascheduler.model.topic.Topics;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** PATCH, DELETE, retry and bulk on /v1/messages, with the events each one announces. */
class MessageCommandsApiTest extends IntegrationTest {

    @Test
    void editingAScheduledMessageRaisesItsVersionAndAnnouncesTheNewVersion() {
        TestTenant tenant = newTenant();
        String id = schedule(tenant);
        Instant later = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        patch(tenant, id, Map.of("content", Map.of("type", "text", "text", "Updated"), "sendAt", later.toString()))
            .expectStatus().isOk().expectBody()
            .jsonPath("$.version").isEqualTo(2)
            .jsonPath("$.status").isEqualTo("SCHEDULED")
            .jsonPath("$.content.text").isEqualTo("Updated")
            .jsonPath("$.sendAt").isEqualTo(later.toString());

        var versions = TopicRecords.awaitRecords(broker, Topics.MESSAGE_COMMANDS, r -> id.equals(r.key()), 2).stream()
            .map(TopicRecords::decode).map(EventEnvelope::payload).map(MessageScheduled.class::cast).toList();
        assertThat(versions).extracting(MessageScheduled::version).containsExactly(1L, 2L);
        assertThat(versions.get(1).content()).isEqualTo(new TextContent("Updated", false));
        assertThat(versions.get(1).sendAt()).isEqualTo(later);
    }

    @Test
    void aSentMessageCannotBeEditedOrCancelled() {
        TestTenant tenant = newTenant();
        String id = schedule(tenant);
        TopicRecords.publish(broker, Topics.MESSAGE_OUTCOMES, EventEnvelope.of(tenant.id(),
            new MessageDispatched(id, 1, null, tenant.sender(), "+14155550123", "wamid.C" + id, 1, Instant.now()), Clock.systemUTC()));
        Awaitility.await().untilAsserted(() -> tenant.get("/v1/messages/" + id).expectBody().jsonPath("$.status").isEqualTo("SENT"));

        patch(tenant, id, Map.of("content", Map.of("type", "text", "text", "Too late"))).expectStatus().isEqualTo(409)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("SENT"));
        web.delete().uri("/v1/messages/" + id).header("Authorization", "Bearer " + tenant.apiKey()).exchange()
            .expectStatus().isEqualTo(409);
    }

    @Test
    void cancellingAScheduledMessageAnnouncesTheCancellation() {
        TestTenant tenant = newTenant();
        String id = schedule(tenant);

        web.delete().uri("/v1/messages/" + id).header("Authorization", "Bearer " + tenant.apiKey()).exchange()
            .expectStatus().isOk().expectBody()
            .jsonPath("$.status").isEqualTo("CANCELLED")
            .jsonPath("$.history[1].status").isEqualTo("CANCELLED");

        var events = TopicRecords.awaitRecords(broker, Topics.MESSAGE_COMMANDS, r -> id.equals(r.key()), 2);
        assertThat(TopicRecords.decode(events.get(1)).payload())
            .isEqualTo(new MessageCancelled(id, 1, null, tenant.sender(), MessageCommands.CANCELLED_BY_USER));
        tenant.post("/v1/messages/" + id + "/retry", Map.of()).expectStatus().isEqualTo(409);
    }

    @Test
    void aMessageBeingRetriedAfterARetryableErrorCanStillBeCancelled() {
        TestTenant tenant = newTenant();
        String id = schedule(tenant);
        TopicRecords.publish(broker, Topics.MESSAGE_OUTCOMES, EventEnvelope.of(tenant.id(), new MessageDispatchFailed(id, 1, null,
            tenant.sender(), 1, new MetaError(131000, "Something went wrong", "Try later"), false,
            Instant.now().plusSeconds(30), Instant.now()), Clock.systemUTC()));
        Awaitility.await().untilAsserted(() -> tenant.get("/v1/messages/" + id).expectBody().jsonPath("$.status").isEqualTo("SENDING"));

        web.delete().uri("/v1/messages/" + id).header("Authorization", "Bearer " + tenant.apiKey()).exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
        var events = TopicRecords.awaitRecords(broker, Topics.MESSAGE_COMMANDS, r -> id.equals(r.key()), 2);
        assertThat(TopicRecords.decode(events.get(1)).payload())
            .isEqualTo(new MessageCancelled(id, 1, null, tenant.sender(), MessageCommands.CANCELLED_BY_USER));
    }

    @Test
    void aFailedMessageIsRetriedNowAsANewVersion() {
        TestTenant tenant = newTenant();
        String id = schedule(tenant);
        TopicRecords.publish(broker, Topics.MESSAGE_OUTCOMES, EventEnvelope.of(tenant.id(), new MessageDispatchFailed(id, 1, null,
            tenant.sender(), 4, new MetaError(131000, "Something went wrong", "Try later"), true, null, Instant.now()), Clock.systemUTC()));
        Awaitility.await().untilAsserted(() -> tenant.get("/v1/messages/" + id).expectBody().jsonPath("$.status").isEqualTo("FAILED"));

        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        tenant.post("/v1/messages/" + id + "/retry", Map.of()).expectStatus().isOk().expectBody()
            .jsonPath("$.status").isEqualTo("SCHEDULED")
            .jsonPath("$.version").isEqualTo(2)
            .jsonPath("$.attempts").isEqualTo(0)
            .jsonPath("$.error").isEmpty()
            .jsonPath("$.sendAt").value(sendAt -> assertThat(Instant.parse((String) sendAt)).isAfterOrEqualTo(before));
    }

    @Test
    void bulkActionsReportEachIdsOutcome() {
        TestTenant tenant = newTenant();
        String first = schedule(tenant);
        String second = schedule(tenant);
        tenant.post("/v1/messages/bulk", Map.of("action", "cancel", "ids", List.of(first, "missing")))
            .expectStatus().isOk().expectBody()
            .jsonPath("$.results[0].id").isEqualTo(first)
            .jsonPath("$.results[0].outcome").isEqualTo("OK")
            .jsonPath("$.results[1].outcome").isEqualTo("NOT_FOUND");

        tenant.post("/v1/messages/bulk", Map.of("action", "delete", "ids", List.of(first, second)))
            .expectStatus().isOk().expectBody()
            .jsonPath("$.results[0].outcome").isEqualTo("OK")
            .jsonPath("$.results[1].outcome").isEqualTo("CONFLICT")
            .jsonPath("$.results[1].detail").exists();
        tenant.get("/v1/messages/" + first).expectStatus().isNotFound();
        tenant.get("/v1/messages/" + second).expectStatus().isOk();
    }

    @Test
    void anUnknownBulkActionIsRejected() {
        TestTenant tenant = newTenant();
        tenant.post("/v1/messages/bulk", Map.of("action", "archive", "ids", List.of("x")))
            .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("action");
    }

    @Test
    void aRepeatedRequestWithTheSameIdempotencyKeyReturnsTheFirstMessage() {
        TestTenant tenant = newTenant();
        Map<String, Object> body = Map.of("from", tenant.sender(), "to", "+14155550123", "content", Map.of("type", "text", "text", "Once"));
        String first = postWithKey(tenant, "key-1", body).expectStatus().isCreated()
            .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        String second = postWithKey(tenant, "key-1", body).expectStatus().isCreated()
            .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        assertThat(second).isEqualTo(first);

        postWithKey(tenant, "key-1", Map.of("from", tenant.sender(), "to", "+14155550124",
                "content", Map.of("type", "text", "text", "Once")))
            .expectStatus().isEqualTo(422).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private WebTestClient.ResponseSpec postWithKey(
        TestTenant tenant, String key, Object body) {
        return web.post().uri("/v1/messages").header("Authorization", "Bearer " + tenant.apiKey())
            .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec patch(
        TestTenant tenant, String id, Object body) {
        return web.patch().uri("/v1/messages/" + id).header("Authorization", "Bearer " + tenant.apiKey())
            .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private String schedule(TestTenant tenant) {
        return tenant.post("/v1/messages", Map.of("from", tenant.sender(), "to", "+14155550123",
                "content", Map.of("type", "text", "text", "Hello"), "sendAt", Instant.now().plus(1, ChronoUnit.HOURS).toString()))
            .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }
}
