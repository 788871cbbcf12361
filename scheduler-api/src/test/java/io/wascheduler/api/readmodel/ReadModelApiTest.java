package io.wascheduler.api.readmodel;

import io.wascheduler.api.IntegrationTest;
import io.wascheduler.api.TestTenant;
import io.wascheduler.api.TopicRecords;
import io.wascheduler.model.event.DeliveryStatus;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.EventPayload;
import io.wascheduler.model.event.MessageDispatchFailed;
import io.wascheduler.model.event.MessageDispatched;
import io.wascheduler.model.event.MessageStatusReported;
import io.wascheduler.model.event.MetaError;
import io.wascheduler.model.topic.TopicSpec;
import io.wascheduler.model.topic.Topics;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Outcomes and statuses published by the other services show up in GET /v1/messages/{id}. */
class ReadModelApiTest extends IntegrationTest {

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void aDispatchedThenReadMessageShowsItsWamidTimesAndHistory() {
        TestTenant tenant = newTenant();
        String id = schedule(tenant);
        publish(tenant, Topics.MESSAGE_OUTCOMES, dispatched(id, tenant));
        publish(tenant, Topics.MESSAGE_STATUSES, status(id, tenant, DeliveryStatus.READ, T0.plusSeconds(9)));

        Awaitility.await().untilAsserted(() -> tenant.get("/v1/messages/" + id).expectBody()
            .jsonPath("$.status").isEqualTo("READ")
            .jsonPath("$.wamid").isEqualTo("wamid.A" + id)
            .jsonPath("$.attempts").isEqualTo(1)
            .jsonPath("$.sentAt").isEqualTo(T0.toString())
            .jsonPath("$.readAt").isEqualTo(T0.plusSeconds(9).toString())
            .jsonPath("$.history[1].status").isEqualTo("SENT")
            .jsonPath("$.history[2].status").isEqualTo("READ"));
    }

    @Test
    void deliveredArrivingAfterReadNeverDowngradesTheMessageAndIsListedBeforeReadInItsHistory() {
        TestTenant tenant = newTenant();
        String id = readBeforeAnythingElse(tenant);

        publish(tenant, Topics.MESSAGE_STATUSES, status(id, tenant, DeliveryStatus.DELIVERED, T0.plusSeconds(5)));
        Awaitility.await().untilAsserted(() -> tenant.get("/v1/messages/" + id).expectBody()
            .jsonPath("$.deliveredAt").isEqualTo(T0.plusSeconds(5).toString())
            .jsonPath("$.status").isEqualTo("READ")
            .jsonPath("$.history[*].status").isEqualTo(List.of("SCHEDULED", "DELIVERED", "READ"))
            .jsonPath("$.history[1].at").isEqualTo(T0.plusSeconds(5).toString()));
    }

    @Test
    void aReadThatOvertookItsDispatchStillListsSentBeforeReadOnce() {
        TestTenant tenant = newTenant();
        String id = readBeforeAnythingElse(tenant);

        publish(tenant, Topics.MESSAGE_OUTCOMES, dispatched(id, tenant));
        publish(tenant, Topics.MESSAGE_STATUSES, status(id, tenant, DeliveryStatus.SENT, T0.plusSeconds(1)));
        publish(tenant, Topics.MESSAGE_STATUSES, status(id, tenant, DeliveryStatus.READ, T0.plusSeconds(9)));
        Awaitility.await().untilAsserted(() -> tenant.get("/v1/messages/" + id).expectBody()
            .jsonPath("$.status").isEqualTo("READ")
            .jsonPath("$.attempts").isEqualTo(1)
            .jsonPath("$.history[*].status").isEqualTo(List.of("SCHEDULED", "SENT", "READ")));
    }

    @Test
    void aStatusKnownOnlyByItsWamidIsMatchedThroughTheWamid() {
        TestTenant tenant = newTenant();
        String id = schedule(tenant);
        publish(tenant, Topics.MESSAGE_OUTCOMES, new MessageDispatched(id, 1, null, tenant.sender(), "+14155550123", "wamid.B" + id, 1, T0));
        Awaitility.await().untilAsserted(() -> tenant.get("/v1/messages/" + id).expectBody().jsonPath("$.status").isEqualTo("SENT"));

        publish(tenant, Topics.MESSAGE_STATUSES, new MessageStatusReported(null, 0, null, tenant.sender(), "wamid.B" + id,
            DeliveryStatus.DELIVERED, T0.plusSeconds(3), "14155550123", List.of(), null, null));
        Awaitility.await().untilAsserted(() -> tenant.get("/v1/messages/" + id).expectBody()
            .jsonPath("$.status").isEqualTo("DELIVERED")
            .jsonPath("$.deliveredAt").isEqualTo(T0.plusSeconds(3).toString()));
    }

    @Test
    void aFinalDispatchFailureShowsMetasError() {
        TestTenant tenant = newTenant();
        String id = schedule(tenant);
        MetaError error = new MetaError(131026, "Message undeliverable", "The recipient cannot receive this message");
        publish(tenant, Topics.MESSAGE_OUTCOMES, new MessageDispatchFailed(id, 1, null, tenant.sender(), 1, error, true, null, T0));

        Awaitility.await().untilAsserted(() -> tenant.get("/v1/messages/" + id).expectBody()
            .jsonPath("$.status").isEqualTo("FAILED")
            .jsonPath("$.failedAt").isEqualTo(T0.toString())
            .jsonPath("$.error.code").isEqualTo(131026)
            .jsonPath("$.error.title").isEqualTo("Message undeliverable")
            .jsonPath("$.error.detail").isEqualTo("The recipient cannot receive this message"));
    }

    /** A scheduled message whose first event to arrive is Meta's READ (seconds after T0). */
    private String readBeforeAnythingElse(TestTenant tenant) {
        String id = schedule(tenant);
        publish(tenant, Topics.MESSAGE_STATUSES, status(id, tenant, DeliveryStatus.READ, T0.plusSeconds(9)));
        Awaitility.await().untilAsserted(() -> tenant.get("/v1/messages/" + id).expectBody().jsonPath("$.status").isEqualTo("READ"));
        return id;
    }

    private String schedule(TestTenant tenant) {
        var created = tenant.post("/v1/messages", Map.of("from", tenant.sender(), "to", "+14155550123",
                "content", Map.of("type", "text", "text", "Hello")))
            .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) created.get("id");
    }

    private static MessageDispatched dispatched(String id, TestTenant tenant) {
        return new MessageDispatched(id, 1, null, tenant.sender(), "+14155550123", "wamid.A" + id, 1, T0);
    }

    private static MessageStatusReported status(String id, TestTenant tenant, DeliveryStatus status, Instant at) {
        return new MessageStatusReported(id, 1, null, tenant.sender(), "wamid.A" + id, status, at, "14155550123", List.of(), null, null);
    }

    private void publish(TestTenant tenant, TopicSpec topic, EventPayload payload) {
        TopicRecords.publish(broker, topic, EventEnvelope.of(tenant.id(), payload, Clock.systemUTC()));
    }
}
