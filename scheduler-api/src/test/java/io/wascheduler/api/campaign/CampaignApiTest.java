package io.wascheduler.api.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.api.IntegrationTest;
import io.wascheduler.api.TestTenant;
import io.wascheduler.api.TopicRecords;
import io.wascheduler.model.content.TemplateContent;
import io.wascheduler.model.event.CampaignScheduled;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.MessageScheduled;
import io.wascheduler.model.topic.Topics;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CampaignApiTest extends IntegrationTest {

    @Test
    void aCampaignOfAHundredAnnouncesItsTotalAndEveryPersonalisedMessage() {
        TestTenant tenant = newTenant();
        Instant sendAt = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = campaign(tenant, recipients(100));
        body.put("sendAt", sendAt.toString());

        var created = tenant.post("/v1/campaigns", body).expectStatus().isCreated()
            .expectBody(Map.class).returnResult().getResponseBody();
        String campaignId = (String) created.get("id");
        assertThat(created.get("total")).isEqualTo(100);

        var campaignEvents = TopicRecords.awaitRecords(broker, Topics.CAMPAIGN_EVENTS, r -> campaignId.equals(r.key()), 1);
        assertThat(TopicRecords.decode(campaignEvents.getFirst()).payload())
            .isEqualTo(new CampaignScheduled(campaignId, tenant.sender(), 100, sendAt));

        List<MessageScheduled> messages = TopicRecords.awaitRecords(broker, Topics.MESSAGE_COMMANDS,
                r -> new String(r.value()).contains(campaignId), 100).stream()
            .map(TopicRecords::decode).map(EventEnvelope::payload).map(MessageScheduled.class::cast).toList();
        assertThat(messages).hasSize(100).allSatisfy(message -> {
            assertThat(message.campaignId()).isEqualTo(campaignId);
            assertThat(message.sendAt()).isEqualTo(sendAt);
            assertThat(message.version()).isEqualTo(1);
        });
        MessageScheduled first = messages.stream().filter(m -> m.to().equals(number(0))).findFirst().orElseThrow();
        assertThat(((TemplateContent) first.content()).components().toString()).contains("\"text\":\"Customer 0\"");
        assertThat(messages.stream().map(MessageScheduled::to).collect(Collectors.toSet())).hasSize(100);
    }

    @Test
    void tenThousandInlineRecipientsAreAcceptedInOneRequestAndOneMoreIsTooMany() {
        TestTenant tenant = newTenant();
        tenant.post("/v1/campaigns", campaign(tenant, recipients(10_000))).expectStatus().isCreated()
            .expectBody().jsonPath("$.total").isEqualTo(10_000);
        tenant.post("/v1/campaigns", campaign(tenant, recipients(10_001))).expectStatus().isBadRequest()
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("recipients");
    }

    @Test
    void aCampaignShowsItsProgressFromPostgresWhenTheProjectorIsUnreachable() {
        TestTenant tenant = newTenant();
        var created = tenant.post("/v1/campaigns", campaign(tenant, recipients(3))).expectStatus().isCreated()
            .expectBody(Map.class).returnResult().getResponseBody();

        tenant.get("/v1/campaigns/" + created.get("id")).expectStatus().isOk().expectBody()
            .jsonPath("$.name").isEqualTo("Summer sale")
            .jsonPath("$.status").isEqualTo("SCHEDULED")
            .jsonPath("$.progress.source").isEqualTo("postgres")
            .jsonPath("$.progress.total").isEqualTo(3)
            .jsonPath("$.progress.pending").isEqualTo(3)
            .jsonPath("$.progress.sent").isEqualTo(0)
            .jsonPath("$.progress.percentComplete").isEqualTo(0.0);
    }

    @Test
    void anyInvalidRowRejectsTheWholeCampaignNamingEachBadRow() {
        TestTenant tenant = newTenant();
        List<Map<String, Object>> rows = recipients(3);
        rows.set(1, Map.of("to", "+1555", "vars", Map.of("name", "Bad")));
        rows.set(2, Map.of("to", "+14155550999"));
        tenant.post("/v1/campaigns", campaign(tenant, rows)).expectStatus().isBadRequest().expectBody()
            .jsonPath("$.errors.length()").isEqualTo(2)
            .jsonPath("$.errors[0].field").isEqualTo("recipients[1].to")
            .jsonPath("$.errors[1].field").isEqualTo("recipients[2].vars");
    }

    @Test
    void atMostAHundredRowErrorsAreListed() {
        TestTenant tenant = newTenant();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            rows.add(Map.of("to", "bad" + i));
        }
        tenant.post("/v1/campaigns", campaign(tenant, rows)).expectStatus().isBadRequest().expectBody()
            .jsonPath("$.errors.length()").isEqualTo(100)
            .jsonPath("$.errors[99].field").isEqualTo("recipients[99].to");
    }

    @Test
    void skipInvalidAcceptsTheValidRowsReturnsTheRejectedOnesAndSendsDuplicatesOnce() {
        TestTenant tenant = newTenant();
        List<Map<String, Object>> rows = recipients(2);
        rows.add(Map.of("to", "nope", "vars", Map.of("name", "X")));
        rows.add(rows.getFirst());
        tenant.post("/v1/campaigns?skipInvalid=true", campaign(tenant, rows)).expectStatus().isCreated().expectBody()
            .jsonPath("$.total").isEqualTo(2)
            .jsonPath("$.duplicatesSkipped").isEqualTo(1)
            .jsonPath("$.rejectedCount").isEqualTo(1)
            .jsonPath("$.rejected[0].field").isEqualTo("recipients[2].to");
    }

    @Test
    void anotherTenantsCampaignIsNotFound() {
        TestTenant owner = newTenant();
        TestTenant stranger = newTenant();
        var created = owner.post("/v1/campaigns", campaign(owner, recipients(1))).expectStatus().isCreated()
            .expectBody(Map.class).returnResult().getResponseBody();
        stranger.get("/v1/campaigns/" + created.get("id")).expectStatus().isNotFound();
    }

    private static Map<String, Object> campaign(TestTenant tenant, List<Map<String, Object>> recipients) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Summer sale");
        body.put("from", tenant.sender());
        body.put("content", Map.of("type", "template", "name", "summer_sale", "language", "en_US",
            "components", List.of(Map.of("type", "body", "parameters", List.of(Map.of("type", "text", "text", "{{name}}"))))));
        body.put("recipients", recipients);
        return body;
    }

    private static List<Map<String, Object>> recipients(int count) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(Map.of("to", number(i), "vars", Map.of("name", "Customer " + i)));
        }
        return rows;
    }

    /** Distinct valid US numbers: +1 415 200 0000 and up. */
    private static String number(int i) {
        return "+1415" + String.format("%07d", 2_000_000 + i);
    }

}
