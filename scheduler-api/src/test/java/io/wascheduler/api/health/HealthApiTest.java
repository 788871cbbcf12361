package io.wascheduler.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.api.IntegrationTest;
import io.wascheduler.api.TestTenant;
import io.wascheduler.api.TopicRecords;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.MessageDispatchFailed;
import io.wascheduler.model.event.MetaError;
import io.wascheduler.model.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class HealthApiTest extends IntegrationTest {

    @Test
    void theTenantsHealthShowsComponentsSendersAndItsQueue() {
        TestTenant tenant = newTenant();
        scheduleTomorrow(tenant);

        tenant.get("/v1/health").expectStatus().isOk().expectBody()
            .jsonPath("$.overall").isEqualTo("healthy")
            .jsonPath("$.components.kafka").isEqualTo("UP")
            .jsonPath("$.components.postgres").isEqualTo("UP")
            .jsonPath("$.senders[0].phoneNumberId").isEqualTo(tenant.sender())
            .jsonPath("$.senders[0].status").isEqualTo("ACTIVE")
            .jsonPath("$.queue.scheduled").isEqualTo(1)
            .jsonPath("$.queue.dueBacklog").isEqualTo(0);
    }

    @Test
    void aMessageWhoseRetryIsOverdueIsInTheDueBacklog() {
        TestTenant tenant = newTenant();
        scheduleTomorrow(tenant);
        String retrying = scheduleTomorrow(tenant);
        Duration overdue = Duration.ofMinutes(2);
        Instant now = Instant.now();

        TopicRecords.publish(broker, Topics.MESSAGE_OUTCOMES, EventEnvelope.of(tenant.id(), new MessageDispatchFailed(
            retrying, 1, null, tenant.sender(), 1, new MetaError(131000, "Something went wrong", "Try again"), false,
            now.minus(overdue), now.minus(overdue).minusSeconds(2)), Clock.systemUTC()));

        Awaitility.await().untilAsserted(() -> assertThat(body(tenant, "/v1/messages/" + retrying))
            .containsEntry("status", "SENDING"));
        @SuppressWarnings("unchecked")
        Map<String, Object> queue = (Map<String, Object>) body(tenant, "/v1/health").get("queue");
        assertThat(queue).containsEntry("scheduled", 2).containsEntry("dueBacklog", 1);
        assertThat(((Number) queue.get("oldestDueLagSeconds")).longValue()).isGreaterThanOrEqualTo(overdue.toSeconds());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(TestTenant tenant, String path) {
        return tenant.get(path).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private static String scheduleTomorrow(TestTenant tenant) {
        Map<?, ?> created = tenant.post("/v1/messages", Map.of("from", tenant.sender(), "to", "+14155550123",
                "content", Map.of("type", "text", "text", "Later"), "sendAt", Instant.now().plus(1, ChronoUnit.DAYS).toString()))
            .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) created.get("id");
    }
}
