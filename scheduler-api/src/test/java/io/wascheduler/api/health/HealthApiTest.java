package io.wascheduler.api.health;

import io.wascheduler.api.IntegrationTest;
import io.wascheduler.api.TestTenant;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthApiTest extends IntegrationTest {

    @Test
    void theTenantsHealthShowsComponentsSendersAndItsQueue() {
        TestTenant tenant = newTenant();
        tenant.post("/v1/messages", Map.of("from", tenant.sender(), "to", "+14155550123",
            "content", Map.of("type", "text", "text", "Later"), "sendAt", Instant.now().plus(1, ChronoUnit.DAYS).toString()))
            .expectStatus().isCreated();

        tenant.get("/v1/health").expectStatus().isOk().expectBody()
            .jsonPath("$.overall").isEqualTo("healthy")
            .jsonPath("$.components.kafka").isEqualTo("UP")
            .jsonPath("$.components.postgres").isEqualTo("UP")
            .jsonPath("$.senders[0].phoneNumberId").isEqualTo(tenant.sender())
            .jsonPath("$.senders[0].status").isEqualTo("ACTIVE")
            .jsonPath("$.queue.scheduled").isEqualTo(1)
            .jsonPath("$.queue.dueBacklog").isEqualTo(0);
    }
}
