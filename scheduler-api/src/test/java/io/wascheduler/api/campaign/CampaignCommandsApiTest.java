package io.wascheduler.api.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.api.IntegrationTest;
import io.wascheduler.api.TestTenant;
import io.wascheduler.api.TopicRecords;
import io.wascheduler.model.event.CampaignPaused;
import io.wascheduler.model.event.CampaignResumed;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.EventPayload;
import io.wascheduler.model.event.MessageCancelled;
import io.wascheduler.model.event.MessageDispatchFailed;
import io.wascheduler.model.event.MessageScheduled;
import io.wascheduler.model.event.MetaError;
import io.wascheduler.model.topic.Topics;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Listing, paging and the campaign-wide commands. */
class CampaignCommandsApiTest extends IntegrationTest {

    @Test
    void aCampaignsMessagesArePagedWithACursorAndFilteredByStatus() {
        TestTenant tenant = newTenant();
        String campaignId = create(tenant, 5);

        var first = tenant.get("/v1/campaigns/" + campaignId + "/messages?limit=3").expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<?>) first.get("items")).hasSize(3);
        var second = tenant.get("/v1/campaigns/" + campaignId + "/messages?limit=3&cursor=" + first.get("nextCursor"))
            .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<?>) second.get("items")).hasSize(2);
        assertThat(second.get("nextCursor")).isNull();
        List<Object> ids = new ArrayList<>();
        for (var page : List.of(first, second)) {
            ((List<?>) page.get("items")).forEach(item -> ids.add(((Map<?, ?>) item).get("id")));
        }
        assertThat(ids).doesNotHaveDuplicates().hasSize(5);

        tenant.get("/v1/campaigns/" + campaignId + "/messages?status=FAILED").expectStatus().isOk()
            .expectBody().jsonPath("$.items.length()").isEqualTo(0);
        tenant.get("/v1/campaigns/" + campaignId + "/messages?status=LOST").expectStatus().isBadRequest()
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
    }

    @Test
    void campaignsAreListedNewestFirstPerTenant() {
        TestTenant tenant = newTenant();
        String older = create(tenant, 1);
        String newer = create(tenant, 1);
        tenant.get("/v1/campaigns?limit=1").expectStatus().isOk().expectBody()
            .jsonPath("$.items[0].id").isEqualTo(newer)
            .jsonPath("$.nextCursor").exists();
        tenant.get("/v1/campaigns?status=SCHEDULED").expectStatus().isOk().expectBody()
            .jsonPath("$.items.length()").isEqualTo(2)
            .jsonPath("$.items[1].id").isEqualTo(older);
        newTenant().get("/v1/campaigns").expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
    }

    @Test
    void cancellingACampaignCancelsItsScheduledMessagesAndAnnouncesEach() {
        TestTenant tenant = newTenant();
        String campaignId = create(tenant, 3);
        tenant.post("/v1/campaigns/" + campaignId + "/cancel", Map.of()).expectStatus().isOk()
            .expectBody().jsonPath("$.cancelled").isEqualTo(3);

        var cancellations = TopicRecords.awaitRecords(broker, Topics.MESSAGE_COMMANDS,
            r -> TopicRecords.decode(r).payload() instanceof MessageCancelled c && campaignId.equals(c.campaignId()), 3);
        assertThat(cancellations).hasSize(3);
        tenant.get("/v1/campaigns/" + campaignId).expectBody()
            .jsonPath("$.status").isEqualTo("CANCELLED")
            .jsonPath("$.progress.cancelled").isEqualTo(3);
        tenant.post("/v1/campaigns/" + campaignId + "/cancel", Map.of()).expectStatus().isEqualTo(409);
    }

    @Test
    void retryFailedReschedulesOnlyTheFailedMessagesAsNewVersions() {
        TestTenant tenant = newTenant();
        String campaignId = create(tenant, 2);
        var messages = tenant.get("/v1/campaigns/" + campaignId + "/messages").expectBody(Map.class).returnResult().getResponseBody();
        String failedId = (String) ((Map<?, ?>) ((List<?>) messages.get("items")).getFirst()).get("id");
        TopicRecords.publish(broker, Topics.MESSAGE_OUTCOMES, EventEnvelope.of(tenant.id(), new MessageDispatchFailed(failedId, 1,
            campaignId, tenant.sender(), 4, new MetaError(131026, "Message undeliverable", "x"), true, null, Instant.now()),
            Clock.systemUTC()));
        Awaitility.await().untilAsserted(() -> tenant.get("/v1/campaigns/" + campaignId + "/messages?status=FAILED")
            .expectBody().jsonPath("$.items.length()").isEqualTo(1));

        tenant.post("/v1/campaigns/" + campaignId + "/retry-failed", Map.of()).expectStatus().isOk()
            .expectBody().jsonPath("$.retried").isEqualTo(1);
        var versions = TopicRecords.awaitRecords(broker, Topics.MESSAGE_COMMANDS, r -> failedId.equals(r.key()), 2).stream()
            .map(r -> (MessageScheduled) TopicRecords.decode(r).payload()).toList();
        assertThat(versions.get(1).version()).isEqualTo(2);
        assertThat(versions.get(1).to()).isEqualTo(versions.get(0).to());
        tenant.get("/v1/messages/" + failedId).expectBody().jsonPath("$.status").isEqualTo("SCHEDULED").jsonPath("$.version").isEqualTo(2);
    }

    @Test
    void aLaunchedCampaignWhoseMessagesAreAllFinalShowsCompleted() {
        TestTenant tenant = newTenant();
        String campaignId = create(tenant, 2);
        var items = (List<?>) tenant.get("/v1/campaigns/" + campaignId + "/messages").expectBody(Map.class).returnResult()
            .getResponseBody().get("items");
        String failedId = (String) ((Map<?, ?>) items.get(0)).get("id");
        String cancelledId = (String) ((Map<?, ?>) items.get(1)).get("id");
        web.delete().uri("/v1/messages/" + cancelledId).header("Authorization", "Bearer " + tenant.apiKey()).exchange()
            .expectStatus().isOk();
        tenant.get("/v1/campaigns/" + campaignId).expectBody().jsonPath("$.status").isEqualTo("SCHEDULED");

        TopicRecords.publish(broker, Topics.MESSAGE_OUTCOMES, EventEnvelope.of(tenant.id(), new MessageDispatchFailed(failedId, 1,
            campaignId, tenant.sender(), 4, new MetaError(131026, "Message undeliverable", "x"), true, null, Instant.now()),
            Clock.systemUTC()));
        Awaitility.await().untilAsserted(() -> tenant.get("/v1/campaigns/" + campaignId).expectBody()
            .jsonPath("$.status").isEqualTo("COMPLETED")
            .jsonPath("$.progress.failed").isEqualTo(1)
            .jsonPath("$.progress.cancelled").isEqualTo(1));
        tenant.get("/v1/campaigns").expectStatus().isOk().expectBody()
            .jsonPath("$.items[0].id").isEqualTo(campaignId).jsonPath("$.items[0].status").isEqualTo("COMPLETED");
    }

    @Test
    void theListingFiltersOnCompletedAsItShowsIt() {
        TestTenant tenant = newTenant();
        String completed = create(tenant, 1);
        String scheduled = create(tenant, 1);
        String onlyMessage = (String) ((Map<?, ?>) ((List<?>) tenant.get("/v1/campaigns/" + completed + "/messages")
            .expectBody(Map.class).returnResult().getResponseBody().get("items")).getFirst()).get("id");
        web.delete().uri("/v1/messages/" + onlyMessage).header("Authorization", "Bearer " + tenant.apiKey()).exchange()
            .expectStatus().isOk();

        tenant.get("/v1/campaigns?status=COMPLETED").expectStatus().isOk().expectBody()
            .jsonPath("$.items.length()").isEqualTo(1)
            .jsonPath("$.items[0].id").isEqualTo(completed).jsonPath("$.items[0].status").isEqualTo("COMPLETED");
        tenant.get("/v1/campaigns?status=SCHEDULED").expectStatus().isOk().expectBody()
            .jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(scheduled);
        tenant.get("/v1/campaigns/" + completed).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("COMPLETED");
    }

    @Test
    void deletedMessagesKeepCountingInTheCampaignsProgressAndItStaysCompleted() {
        TestTenant tenant = newTenant();
        String campaignId = create(tenant, 2);
        String first = (String) ((Map<?, ?>) ((List<?>) tenant.get("/v1/campaigns/" + campaignId + "/messages")
            .expectBody(Map.class).returnResult().getResponseBody().get("items")).getFirst()).get("id");
        web.delete().uri("/v1/messages/" + first).header("Authorization", "Bearer " + tenant.apiKey()).exchange()
            .expectStatus().isOk();

        tenant.post("/v1/messages/bulk", Map.of("action", "delete", "ids", List.of(first))).expectStatus().isOk()
            .expectBody().jsonPath("$.results[0].outcome").isEqualTo("OK");

        tenant.get("/v1/campaigns/" + campaignId + "/messages").expectBody().jsonPath("$.items.length()").isEqualTo(1);
        tenant.get("/v1/campaigns/" + campaignId).expectStatus().isOk().expectBody()
            .jsonPath("$.status").isEqualTo("SCHEDULED")
            .jsonPath("$.progress.source").isEqualTo("postgres")
            .jsonPath("$.progress.total").isEqualTo(2)
            .jsonPath("$.progress.cancelled").isEqualTo(1)
            .jsonPath("$.progress.pending").isEqualTo(1);
    }

    @Test
    void pauseAndResumeAreAnnouncedAndOnlyAllowedInTurn() {
        TestTenant tenant = newTenant();
        String campaignId = create(tenant, 1);
        tenant.post("/v1/campaigns/" + campaignId + "/resume", Map.of()).expectStatus().isEqualTo(409);
        tenant.post("/v1/campaigns/" + campaignId + "/pause", Map.of()).expectStatus().isOk()
            .expectBody().jsonPath("$.status").isEqualTo("PAUSED");
        tenant.post("/v1/campaigns/" + campaignId + "/pause", Map.of()).expectStatus().isEqualTo(409);
        tenant.post("/v1/campaigns/" + campaignId + "/resume", Map.of()).expectStatus().isOk()
            .expectBody().jsonPath("$.status").isEqualTo("SCHEDULED");

        List<EventPayload> events = TopicRecords.awaitRecords(broker, Topics.CAMPAIGN_EVENTS, r -> campaignId.equals(r.key()), 3)
            .stream().map(r -> TopicRecords.decode(r).payload()).toList();
        assertThat(events.subList(1, 3)).containsExactly(new CampaignPaused(campaignId), new CampaignResumed(campaignId));
    }

    private static String create(TestTenant tenant, int recipients) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Campaign");
        body.put("from", tenant.sender());
        body.put("content", Map.of("type", "text", "text", "Hello {{name}}"));
        body.put("sendAt", Instant.now().plus(1, ChronoUnit.HOURS).toString());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < recipients; i++) {
            rows.add(Map.of("to", "+1415" + (3_000_000 + i), "vars", Map.of("name", "N" + i)));
        }
        body.put("recipients", rows);
        return (String) tenant.post("/v1/campaigns", body).expectStatus().isCreated()
            .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }
}
