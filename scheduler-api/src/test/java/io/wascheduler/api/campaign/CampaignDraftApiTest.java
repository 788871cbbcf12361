package io.wascheduler.api.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.api.IntegrationTest;
import io.wascheduler.api.TestTenant;
import io.wascheduler.api.TopicRecords;
import io.wascheduler.model.content.TextContent;
import io.wascheduler.model.event.CampaignScheduled;
import io.wascheduler.model.event.MessageScheduled;
import io.wascheduler.model.topic.Topics;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A DRAFT campaign filled by streamed uploads, then launched. */
class CampaignDraftApiTest extends IntegrationTest {

    @Test
    void uploadedRecipientsAreScheduledWhenTheDraftIsLaunched() {
        TestTenant tenant = newTenant();
        String campaignId = draft(tenant);

        String csv = "to,name\n" + IntStream.range(0, 30).mapToObj(i -> "+1415400" + (1000 + i) + ",C" + i)
            .collect(Collectors.joining("\n"));
        upload(tenant, campaignId, "text/csv", csv, "").expectStatus().isOk().expectBody()
            .jsonPath("$.accepted").isEqualTo(30).jsonPath("$.duplicatesSkipped").isEqualTo(0);
        String ndjson = "{\"to\":\"+14154001000\",\"vars\":{\"name\":\"again\"}}\n{\"to\":\"+14154009999\",\"vars\":{\"name\":\"Z\"}}\n";
        upload(tenant, campaignId, "application/x-ndjson", ndjson, "").expectStatus().isOk().expectBody()
            .jsonPath("$.accepted").isEqualTo(1).jsonPath("$.duplicatesSkipped").isEqualTo(1);

        tenant.post("/v1/campaigns/" + campaignId + "/launch", Map.of()).expectStatus().isOk().expectBody()
            .jsonPath("$.status").isEqualTo("SCHEDULED")
            .jsonPath("$.total").isEqualTo(31)
            .jsonPath("$.progress.pending").isEqualTo(31);

        var campaignEvent = TopicRecords.awaitRecords(broker, Topics.CAMPAIGN_EVENTS, r -> campaignId.equals(r.key()), 1).getFirst();
        assertThat(((CampaignScheduled) TopicRecords.decode(campaignEvent).payload()).total()).isEqualTo(31);
        var messages = TopicRecords.awaitRecords(broker, Topics.MESSAGE_COMMANDS, r -> new String(r.value()).contains(campaignId), 31)
            .stream().map(r -> (MessageScheduled) TopicRecords.decode(r).payload()).toList();
        assertThat(messages).filteredOn(m -> m.to().equals("+14154001000"))
            .singleElement().extracting(MessageScheduled::content).isEqualTo(new TextContent("Hello C0", false));
        tenant.post("/v1/campaigns/" + campaignId + "/launch", Map.of()).expectStatus().isEqualTo(409);
    }

    @Test
    void anUploadWithABadRowAddsNothingUnlessInvalidRowsAreSkipped() {
        TestTenant tenant = newTenant();
        String campaignId = draft(tenant);
        String csv = "to,name\n+14154002000,A\nnot-a-number,B\n+14154002001,\n";

        upload(tenant, campaignId, "text/csv", csv, "").expectStatus().isBadRequest().expectBody()
            .jsonPath("$.errors[0].field").isEqualTo("recipients[1].to");
        upload(tenant, campaignId, "text/csv", csv, "?skipInvalid=true").expectStatus().isOk().expectBody()
            .jsonPath("$.accepted").isEqualTo(2)
            .jsonPath("$.rejectedCount").isEqualTo(1)
            .jsonPath("$.rejected[0].field").isEqualTo("recipients[1].to");
    }

    @Test
    void aDraftWithoutRecipientsCannotBeLaunched() {
        TestTenant tenant = newTenant();
        String campaignId = draft(tenant);
        tenant.post("/v1/campaigns/" + campaignId + "/launch", Map.of()).expectStatus().isEqualTo(409);
    }

    private static String draft(TestTenant tenant) {
        return (String) tenant.post("/v1/campaigns", Map.of("name", "Big one", "from", tenant.sender(),
                "content", Map.of("type", "text", "text", "Hello {{name}}")))
            .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private WebTestClient.ResponseSpec upload(
        TestTenant tenant, String campaignId, String type, String body, String query) {
        return web.post().uri("/v1/campaigns/" + campaignId + "/recipients" + query)
            .header("Authorization", "Bearer " + tenant.apiKey())
            .contentType(MediaType.parseMediaType(type)).bodyValue(body).exchange();
    }
}
