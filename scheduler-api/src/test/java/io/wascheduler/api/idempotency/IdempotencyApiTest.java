package io.wascheduler.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.api.IntegrationTest;
import io.wascheduler.api.TestTenant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Idempotency-Key on every creating POST, one implementation for all of them. */
class IdempotencyApiTest extends IntegrationTest {

    @Test
    void aRepeatedCampaignCreationAnswersTheFirstCampaignAndCreatesNoOther() {
        TestTenant tenant = newTenant();
        Map<String, Object> campaign = draft(tenant, "Spring");
        String first = post(tenant, "/v1/campaigns", "c-1", campaign).expectStatus().isCreated()
            .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();

        post(tenant, "/v1/campaigns", "c-1", campaign).expectStatus().isCreated()
            .expectHeader().valueEquals("Location", "/v1/campaigns/" + first)
            .expectHeader().valueEquals(IdempotencyFilter.REPLAYED_HEADER, "true")
            .expectBody().jsonPath("$.id").isEqualTo(first).jsonPath("$.status").isEqualTo("DRAFT");
        tenant.get("/v1/campaigns").expectStatus().isOk().expectBody()
            .jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(first);
    }

    @Test
    void theSameKeyWithAnotherRequestIsUnprocessableAndNamesTheHeader() {
        TestTenant tenant = newTenant();
        post(tenant, "/v1/campaigns", "c-2", draft(tenant, "Spring")).expectStatus().isCreated();

        post(tenant, "/v1/campaigns", "c-2", draft(tenant, "Autumn")).expectStatus().isEqualTo(422)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status").isEqualTo(422)
            .jsonPath("$.title").isEqualTo("Idempotency-Key reused")
            .jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key")
            .jsonPath("$.errors[0].message").isEqualTo("was used with a different request in the last 24 h");
        post(tenant, "/v1/senders", "c-2", Map.of("phoneNumberId", "1", "displayPhoneNumber", "+1", "accessToken", "t"))
            .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
    }

    @Test
    void aRequestThatCreatedNothingLeavesItsKeyFreeForTheCorrectedRequest() {
        TestTenant tenant = newTenant();
        post(tenant, "/v1/campaigns", "c-3", Map.of("name", "No sender", "from", "nobody",
                "content", Map.of("type", "text", "text", "Hi")))
            .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("from");

        post(tenant, "/v1/campaigns", "c-3", draft(tenant, "Fixed")).expectStatus().isCreated()
            .expectBody().jsonPath("$.name").isEqualTo("Fixed");
    }

    @Test
    void aKeyLongerThan255CharactersIsRejectedNamingTheHeader() {
        TestTenant tenant = newTenant();
        post(tenant, "/v1/campaigns", "k".repeat(256), draft(tenant, "Long key")).expectStatus().isBadRequest()
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key")
            .jsonPath("$.errors[0].message").isEqualTo("must be 1 to 255 characters");
    }

    @Test
    void aRepeatedTenantCreationAnswersTheSameTenantAndAWorkingApiKey() {
        Map<?, ?> first = createTenant("t-1").expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> again = createTenant("t-1").expectStatus().isCreated()
            .expectHeader().valueEquals(IdempotencyFilter.REPLAYED_HEADER, "true")
            .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(again).isEqualTo(first);
        web.get().uri("/v1/senders").header("Authorization", "Bearer " + again.get("apiKey")).exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void aRepeatedSenderRegistrationAnswersTheFirstResponse() {
        TestTenant tenant = newTenant();
        Map<String, Object> sender = Map.of("phoneNumberId", Long.toString(System.nanoTime()), "displayPhoneNumber", "+1 415 555 0101",
            "accessToken", "secret", "throughputMps", 20);
        String first = post(tenant, "/v1/senders", "s-1", sender).expectStatus().isCreated()
            .expectBody(String.class).returnResult().getResponseBody();

        post(tenant, "/v1/senders", "s-1", sender).expectStatus().isCreated()
            .expectBody(String.class).isEqualTo(first);
    }

    @Test
    void aRepeatedUploadAndLaunchAnswerTheirFirstResults() {
        TestTenant tenant = newTenant();
        String campaignId = post(tenant, "/v1/campaigns", null, draft(tenant, "Big")).expectStatus().isCreated()
            .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        String rows = "{\"to\":\"+14155007000\"}\n{\"to\":\"+14155007001\"}\n";
        upload(tenant, campaignId, "u-1", rows).expectStatus().isOk().expectBody().jsonPath("$.accepted").isEqualTo(2);

        upload(tenant, campaignId, "u-1", rows).expectStatus().isOk()
            .expectHeader().valueEquals(IdempotencyFilter.REPLAYED_HEADER, "true")
            .expectBody().jsonPath("$.accepted").isEqualTo(2).jsonPath("$.duplicatesSkipped").isEqualTo(0);
        upload(tenant, campaignId, "u-1", "{\"to\":\"+14155007002\"}\n").expectStatus().isEqualTo(422)
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");

        post(tenant, "/v1/campaigns/" + campaignId + "/launch", "l-1", Map.of()).expectStatus().isOk()
            .expectBody().jsonPath("$.status").isEqualTo("SCHEDULED").jsonPath("$.total").isEqualTo(2);
        post(tenant, "/v1/campaigns/" + campaignId + "/launch", "l-1", Map.of()).expectStatus().isOk()
            .expectBody().jsonPath("$.status").isEqualTo("SCHEDULED").jsonPath("$.total").isEqualTo(2);
        post(tenant, "/v1/campaigns/" + campaignId + "/launch", "l-2", Map.of()).expectStatus().isEqualTo(409);
    }

    @Test
    void aRepeatedBulkCancelAnswersTheFirstOutcomes() {
        TestTenant tenant = newTenant();
        String messageId = post(tenant, "/v1/messages", null, Map.of("from", tenant.sender(), "to", "+14155550123",
                "content", Map.of("type", "text", "text", "Later"), "sendAt", java.time.Instant.now().plusSeconds(3600).toString()))
            .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        Map<String, Object> cancel = Map.of("action", "cancel", "ids", java.util.List.of(messageId));
        post(tenant, "/v1/messages/bulk", "b-1", cancel).expectStatus().isOk()
            .expectBody().jsonPath("$.results[0].outcome").isEqualTo("OK");

        post(tenant, "/v1/messages/bulk", "b-1", cancel).expectStatus().isOk()
            .expectBody().jsonPath("$.results[0].outcome").isEqualTo("OK");
        post(tenant, "/v1/messages/bulk", "b-2", cancel).expectStatus().isOk()
            .expectBody().jsonPath("$.results[0].outcome").isEqualTo("CONFLICT");
    }

    private static Map<String, Object> draft(TestTenant tenant, String name) {
        return Map.of("name", name, "from", tenant.sender(), "content", Map.of("type", "text", "text", "Hello"));
    }

    private WebTestClient.ResponseSpec post(TestTenant tenant, String path, String key, Object body) {
        var request = web.post().uri(path).header("Authorization", "Bearer " + tenant.apiKey());
        if (key != null) {
            request = request.header(IdempotencyFilter.HEADER, key);
        }
        return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec upload(TestTenant tenant, String campaignId, String key, String ndjson) {
        return web.post().uri("/v1/campaigns/" + campaignId + "/recipients").header("Authorization", "Bearer " + tenant.apiKey())
            .header(IdempotencyFilter.HEADER, key).contentType(MediaType.APPLICATION_NDJSON).bodyValue(ndjson).exchange();
    }

    private WebTestClient.ResponseSpec createTenant(String key) {
        return web.post().uri("/admin/v1/tenants").header("Authorization", "Bearer " + ADMIN_TOKEN)
            .header(IdempotencyFilter.HEADER, key).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("name", "Idempotent " + key)).exchange();
    }
}
