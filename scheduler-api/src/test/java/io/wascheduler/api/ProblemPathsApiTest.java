package io.wascheduler.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every 404, 409 and 422 answer of the API, each checked for its problem document. */
class ProblemPathsApiTest extends IntegrationTest {

    private static final String UNKNOWN = "0190f5d6-0000-7000-8000-000000000000";

    static Stream<Arguments> pathsOfOneResource() {
        return Stream.of(
            Arguments.of(HttpMethod.GET, "/v1/messages/%s"),
            Arguments.of(HttpMethod.PATCH, "/v1/messages/%s"),
            Arguments.of(HttpMethod.DELETE, "/v1/messages/%s"),
            Arguments.of(HttpMethod.POST, "/v1/messages/%s/retry"),
            Arguments.of(HttpMethod.GET, "/v1/campaigns/%s"),
            Arguments.of(HttpMethod.GET, "/v1/campaigns/%s/messages"),
            Arguments.of(HttpMethod.POST, "/v1/campaigns/%s/launch"),
            Arguments.of(HttpMethod.POST, "/v1/campaigns/%s/cancel"),
            Arguments.of(HttpMethod.POST, "/v1/campaigns/%s/retry-failed"),
            Arguments.of(HttpMethod.POST, "/v1/campaigns/%s/pause"),
            Arguments.of(HttpMethod.POST, "/v1/campaigns/%s/resume"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("pathsOfOneResource")
    void anUnknownIdIsNotFound(HttpMethod method, String path) {
        expectNotFound(send(newTenant(), method, path.formatted(UNKNOWN)), UNKNOWN);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("pathsOfOneResource")
    void anotherTenantsMessageOrCampaignIsNotFoundLikeAMissingOne(HttpMethod method, String path) {
        TestTenant owner = newTenant();
        String id = path.startsWith("/v1/messages") ? scheduleMessage(owner) : createCampaign(owner, true);
        expectNotFound(send(newTenant(), method, path.formatted(id)), id);
    }

    @Test
    void uploadingToAnUnknownCampaignIsNotFound() {
        expectNotFound(newTenant().upload("/v1/campaigns/" + UNKNOWN + "/recipients", "{\"to\":\"+14155550123\"}\n"), UNKNOWN);
    }

    @Test
    void commandsOnAMessageInTheWrongStateAreConflictsThatSayWhy() {
        TestTenant tenant = newTenant();
        String id = scheduleMessage(tenant);
        send(tenant, HttpMethod.DELETE, "/v1/messages/" + id).expectStatus().isOk();
        expectConflict(send(tenant, HttpMethod.DELETE, "/v1/messages/" + id), "The message is CANCELLED; cancel is allowed only when it is [SCHEDULED, SENDING]");
        expectConflict(send(tenant, HttpMethod.PATCH, "/v1/messages/" + id), "The message is CANCELLED; edit is allowed only when it is");
        expectConflict(send(tenant, HttpMethod.POST, "/v1/messages/" + id + "/retry"), "The message is CANCELLED; retry is allowed only when it is [FAILED]");
    }

    @Test
    void commandsOnACampaignInTheWrongStateAreConflictsThatSayWhy() {
        TestTenant tenant = newTenant();
        String draft = createCampaign(tenant, false);
        expectConflict(send(tenant, HttpMethod.POST, "/v1/campaigns/" + draft + "/launch"), "The campaign has no recipients yet");

        String scheduled = createCampaign(tenant, true);
        expectConflict(send(tenant, HttpMethod.POST, "/v1/campaigns/" + scheduled + "/launch"),
            "The campaign is SCHEDULED; only a DRAFT takes recipients or launches");
        expectConflict(tenant.upload("/v1/campaigns/" + scheduled + "/recipients", "{\"to\":\"+14155550123\",\"vars\":{}}\n"),
            "The campaign is SCHEDULED; only a DRAFT takes recipients");
        expectConflict(send(tenant, HttpMethod.POST, "/v1/campaigns/" + scheduled + "/resume"), "Cannot resume a campaign that is SCHEDULED");
        send(tenant, HttpMethod.POST, "/v1/campaigns/" + scheduled + "/cancel").expectStatus().isOk();
        expectConflict(send(tenant, HttpMethod.POST, "/v1/campaigns/" + scheduled + "/cancel"), "Cannot cancel a campaign that is CANCELLED");
        expectConflict(send(tenant, HttpMethod.POST, "/v1/campaigns/" + scheduled + "/pause"), "Cannot pause a campaign that is CANCELLED");
    }

    @Test
    void registeringAnotherTenantsNumberIsAConflict() {
        TestTenant owner = newTenant();
        expectConflict(newTenant().post("/v1/senders", Map.of("phoneNumberId", owner.sender(), "displayPhoneNumber", "+1",
            "accessToken", "t")), "Phone-number id " + owner.sender());
    }

    @Test
    void reusingAnIdempotencyKeyForADifferentRequestIsUnprocessable() {
        TestTenant tenant = newTenant();
        Map<String, Object> first = Map.of("from", tenant.sender(), "to", "+14155550123", "content", Map.of("type", "text", "text", "A"));
        Map<String, Object> other = Map.of("from", tenant.sender(), "to", "+14155550124", "content", Map.of("type", "text", "text", "A"));
        postWithKey(tenant, first).expectStatus().isCreated();
        postWithKey(tenant, other).expectStatus().isEqualTo(422)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status").isEqualTo(422)
            .jsonPath("$.detail").isEqualTo("Idempotency-Key was used with a different request in the last 24 h")
            .jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
    }

    private WebTestClient.ResponseSpec postWithKey(TestTenant tenant, Map<String, Object> body) {
        return web.post().uri("/v1/messages").header("Authorization", "Bearer " + tenant.apiKey()).header("Idempotency-Key", "k-1")
            .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec send(TestTenant tenant, HttpMethod method, String path) {
        WebTestClient.RequestBodySpec request = web.method(method).uri(path).header("Authorization", "Bearer " + tenant.apiKey());
        if (method == HttpMethod.PATCH) {
            return request.contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sendAt", Instant.now().plus(2, ChronoUnit.HOURS).toString())).exchange();
        }
        return method == HttpMethod.POST ? request.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange()
            : request.exchange();
    }

    private static void expectNotFound(WebTestClient.ResponseSpec response, String id) {
        response.expectStatus().isNotFound()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status").isEqualTo(404)
            .jsonPath("$.title").isEqualTo("Not found")
            .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).endsWith(id));
    }

    private static void expectConflict(WebTestClient.ResponseSpec response, String reason) {
        response.expectStatus().isEqualTo(409)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status").isEqualTo(409)
            .jsonPath("$.title").isEqualTo("Conflict")
            .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).startsWith(reason));
    }

    private static String scheduleMessage(TestTenant tenant) {
        return (String) tenant.post("/v1/messages", Map.of("from", tenant.sender(), "to", "+14155550123",
                "content", Map.of("type", "text", "text", "Hi"), "sendAt", Instant.now().plus(1, ChronoUnit.HOURS).toString()))
            .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private static String createCampaign(TestTenant tenant, boolean withRecipients) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "C", "from", tenant.sender(),
            "content", Map.of("type", "text", "text", "Hi"), "sendAt", Instant.now().plus(1, ChronoUnit.HOURS).toString()));
        if (withRecipients) {
            body.put("recipients", List.of(Map.of("to", "+14155550123")));
        }
        return (String) tenant.post("/v1/campaigns", body).expectStatus().isCreated()
            .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }
}
