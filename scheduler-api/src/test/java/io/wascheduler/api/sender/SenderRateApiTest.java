package io.wascheduler.api.sender;

import io.wascheduler.api.IntegrationTest;
import io.wascheduler.api.TestTenant;
import io.wascheduler.api.TopicRecords;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.MessageDispatched;
import io.wascheduler.model.topic.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A sender's current rate comes from the dispatches the read model recorded in the last ten seconds. */
class SenderRateApiTest extends IntegrationTest {

    @Test
    void aSenderShowsTheMessagesSentInTheLastTenSecondsPerSecond() {
        TestTenant tenant = newTenant();
        tenant.get("/v1/senders").expectStatus().isOk().expectBody().jsonPath("$[0].currentMps").isEqualTo(0.0);
        String old = schedule(tenant, "+14155550160");
        String recent = schedule(tenant, "+14155550161");
        Instant now = Instant.now();

        dispatched(tenant, old, now.minusSeconds(60));
        // a few seconds ahead, so that a slow read model on a busy machine still finds it inside the window
        dispatched(tenant, recent, now.plusSeconds(5));

        Awaitility.await().untilAsserted(() -> tenant.get("/v1/messages/" + old).expectBody().jsonPath("$.status").isEqualTo("SENT"));
        Awaitility.await().untilAsserted(() -> tenant.get("/v1/senders").expectStatus().isOk().expectBody()
            .jsonPath("$[0].phoneNumberId").isEqualTo(tenant.sender())
            .jsonPath("$[0].currentMps").isEqualTo(0.1));
        tenant.get("/v1/health").expectStatus().isOk().expectBody().jsonPath("$.senders[0].currentMps").isEqualTo(0.1);
    }

    private void dispatched(TestTenant tenant, String messageId, Instant at) {
        TopicRecords.publish(broker, Topics.MESSAGE_OUTCOMES, EventEnvelope.of(tenant.id(),
            new MessageDispatched(messageId, 1, null, tenant.sender(), "+14155550160", "wamid." + messageId, 1, at), Clock.systemUTC()));
    }

    private static String schedule(TestTenant tenant, String to) {
        return (String) tenant.post("/v1/messages", Map.of("from", tenant.sender(), "to", to,
                "content", Map.of("type", "text", "text", "Hello"), "sendAt", Instant.now().plusSeconds(3600).toString()))
            .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }
}
