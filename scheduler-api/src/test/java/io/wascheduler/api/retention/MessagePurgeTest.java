package io.wascheduler.api.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.api.IntegrationTest;
import io.wascheduler.api.TestTenant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

class MessagePurgeTest extends IntegrationTest {

    private static final RetentionProperties THIRTY_DAYS_ONE_PER_BATCH =
        new RetentionProperties(Duration.ofDays(30), 1, Duration.ofMinutes(10));

    @Autowired
    DatabaseClient db;

    @Test
    void finalMessagesOlderThanTheMaxAgeArePurgedInBatchesAndPendingOnesAreKept() {
        TestTenant tenant = newTenant();
        String kept = schedule(tenant, "+14155550140");
        String firstCancelled = schedule(tenant, "+14155550141");
        String secondCancelled = schedule(tenant, "+14155550142");
        for (String id : new String[] {firstCancelled, secondCancelled}) {
            web.delete().uri("/v1/messages/" + id).header("Authorization", "Bearer " + tenant.apiKey()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
        }

        Long purgedTooEarly = purgeAt(Clock.offset(Clock.systemUTC(), Duration.ofDays(29))).block();
        assertThat(purgedTooEarly).isZero();
        tenant.get("/v1/messages/" + firstCancelled).expectStatus().isOk();

        Long purged = purgeAt(Clock.offset(Clock.systemUTC(), Duration.ofDays(31))).block();
        assertThat(purged).isGreaterThanOrEqualTo(2);
        tenant.get("/v1/messages/" + firstCancelled).expectStatus().isNotFound();
        tenant.get("/v1/messages/" + secondCancelled).expectStatus().isNotFound();
        tenant.get("/v1/messages/" + kept).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("SCHEDULED");
    }

    @Test
    void purgedCampaignMessagesKeepCountingInTheCampaignsProgress() {
        TestTenant tenant = newTenant();
        String campaignId = (String) tenant.post("/v1/campaigns", Map.of("name", "Old", "from", tenant.sender(),
                "content", Map.of("type", "text", "text", "Hi"), "sendAt", Instant.now().plus(1, ChronoUnit.HOURS).toString(),
                "recipients", List.of(Map.of("to", "+14155550150"), Map.of("to", "+14155550151"))))
            .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        tenant.post("/v1/campaigns/" + campaignId + "/cancel", Map.of()).expectStatus().isOk()
            .expectBody().jsonPath("$.cancelled").isEqualTo(2);

        purgeAt(Clock.offset(Clock.systemUTC(), Duration.ofDays(31))).block();

        tenant.get("/v1/campaigns/" + campaignId + "/messages").expectStatus().isOk().expectBody()
            .jsonPath("$.items.length()").isEqualTo(0);
        tenant.get("/v1/campaigns/" + campaignId).expectStatus().isOk().expectBody()
            .jsonPath("$.progress.source").isEqualTo("postgres")
            .jsonPath("$.progress.total").isEqualTo(2)
            .jsonPath("$.progress.cancelled").isEqualTo(2)
            .jsonPath("$.progress.pending").isEqualTo(0);
    }

    private Mono<Long> purgeAt(Clock clock) {
        return new MessagePurge(db, THIRTY_DAYS_ONE_PER_BATCH, clock).purgeExpired();
    }

    private static String schedule(TestTenant tenant, String to) {
        Map<String, Object> body = Map.of("from", tenant.sender(), "to", to, "content", Map.of("type", "text", "text", "Hi"),
            "sendAt", Instant.now().plus(1, ChronoUnit.HOURS).toString());
        return (String) tenant.post("/v1/messages", body).expectStatus().isCreated()
            .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }
}
