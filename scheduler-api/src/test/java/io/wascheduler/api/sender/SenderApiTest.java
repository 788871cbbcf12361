package io.wascheduler.api.sender;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.api.IntegrationTest;
import io.wascheduler.api.TestTenant;
import io.wascheduler.api.TopicRecords;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.MetaError;
import io.wascheduler.model.event.SenderConfigured;
import io.wascheduler.model.event.SenderStatusChanged;
import io.wascheduler.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class SenderApiTest extends IntegrationTest {

    @Test
    void aSendersTokenIsNeverReturnedButItsSettingsAreAnnouncedWithoutIt() {
        TestTenant tenant = newTenant();
        String sender = tenant.sender();
        String token = tenant.tokenOf(sender);

        String listed = tenant.get("/v1/senders").expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(listed).contains(sender).contains("\"status\":\"ACTIVE\"").contains("\"throughputMps\":40").doesNotContain(token);

        var record = TopicRecords.awaitRecords(broker, Topics.SENDER_CONFIG, r -> sender.equals(r.key()), 1).getFirst();
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(token);
        assertThat(TopicRecords.decode(record).payload()).isEqualTo(new SenderConfigured(sender, tenant.id(), 40));
    }

    @Test
    void theDispatcherGetsTheDecryptedTokenWithTheInternalToken() {
        TestTenant tenant = newTenant();
        web.get().uri("/internal/v1/senders/" + tenant.sender()).header("Authorization", "Bearer " + INTERNAL_TOKEN).exchange()
            .expectStatus().isOk().expectBody()
            .jsonPath("$.phoneNumberId").isEqualTo(tenant.sender())
            .jsonPath("$.accessToken").isEqualTo(tenant.tokenOf(tenant.sender()))
            .jsonPath("$.throughputMps").isEqualTo(40)
            .jsonPath("$.status").isEqualTo("ACTIVE");
        web.get().uri("/internal/v1/senders/42").header("Authorization", "Bearer " + INTERNAL_TOKEN).exchange()
            .expectStatus().isNotFound();
    }

    @Test
    void aNumberAnotherTenantRegisteredIsAConflict() {
        TestTenant owner = newTenant();
        TestTenant other = newTenant();
        other.post("/v1/senders", Map.of("phoneNumberId", owner.sender(), "displayPhoneNumber", "+1", "accessToken", "t"))
            .expectStatus().isEqualTo(409);
    }

    @Test
    void reRegisteringOwnNumberReplacesItsSettings() {
        TestTenant tenant = newTenant();
        tenant.post("/v1/senders", Map.of("phoneNumberId", tenant.sender(), "displayPhoneNumber", "+1 415 555 0100",
                "accessToken", "rotated", "throughputMps", 200))
            .expectStatus().isOk().expectBody().jsonPath("$.throughputMps").isEqualTo(200).jsonPath("$.accessToken").doesNotExist();
        web.get().uri("/internal/v1/senders/" + tenant.sender()).header("Authorization", "Bearer " + INTERNAL_TOKEN).exchange()
            .expectBody().jsonPath("$.accessToken").isEqualTo("rotated");
    }

    @Test
    void invalidSenderSettingsAreRejectedByField() {
        TestTenant tenant = newTenant();
        tenant.post("/v1/senders", Map.of("phoneNumberId", "abc", "displayPhoneNumber", "", "throughputMps", 1001))
            .expectStatus().isBadRequest().expectBody()
            .jsonPath("$.errors[0].field").isEqualTo("phoneNumberId")
            .jsonPath("$.errors[1].field").isEqualTo("displayPhoneNumber")
            .jsonPath("$.errors[2].field").isEqualTo("accessToken")
            .jsonPath("$.errors[3].field").isEqualTo("throughputMps");
    }

    @Test
    void aSenderThePausedDispatcherReportsIsShownPausedWithItsReason() {
        TestTenant tenant = newTenant();
        MetaError spam = new MetaError(131048, "Spam rate limit hit", "Too many messages flagged");
        TopicRecords.publish(broker, Topics.SENDER_STATUS, EventEnvelope.of(null, new SenderStatusChanged(tenant.sender(),
            SenderStatusChanged.SenderState.PAUSED, "spam rate limit", spam, Instant.now()), Clock.systemUTC()));

        Awaitility.await().untilAsserted(() -> tenant.get("/v1/senders").expectBody()
            .jsonPath("$[0].status").isEqualTo("PAUSED")
            .jsonPath("$[0].statusReason").isEqualTo("spam rate limit")
            .jsonPath("$[0].lastError.code").isEqualTo(131048));
    }
}
