package io.wascheduler.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.api.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenApiDocumentTest extends IntegrationTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "post, /admin/v1/tenants", "post, /v1/senders", "get, /v1/senders", "get, /internal/v1/senders/{phoneNumberId}",
        "post, /v1/messages", "get, /v1/messages/{id}", "patch, /v1/messages/{id}", "delete, /v1/messages/{id}",
        "post, /v1/messages/{id}/retry", "post, /v1/messages/bulk", "post, /v1/campaigns", "get, /v1/campaigns",
        "get, /v1/campaigns/{id}", "post, /v1/campaigns/{id}/recipients", "post, /v1/campaigns/{id}/launch",
        "get, /v1/campaigns/{id}/messages", "get, /v1/campaigns/{id}/progress/stream", "post, /v1/campaigns/{id}/cancel",
        "post, /v1/campaigns/{id}/retry-failed", "post, /v1/campaigns/{id}/pause", "post, /v1/campaigns/{id}/resume",
        "get, /v1/health"})
    void everyOperationOfTheContractIsDocumentedWithItsProblemAnswers(String method, String path) {
        Map<?, ?> operation = (Map<?, ?>) ((Map<?, ?>) paths().get(path)).get(method);
        assertThat(operation).as(method + " " + path).isNotNull();
        Map<?, ?> responses = (Map<?, ?>) operation.get("responses");
        assertThat(responses.containsKey("401")).as("401 documented").isTrue();
        Map<?, ?> unauthorized = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) responses.get("401")).get("content")).get("application/problem+json");
        assertThat(((Map<?, ?>) unauthorized.get("schema")).get("$ref")).isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void requestsAndAnswersCarryExamplesAndErrorsFollowRfc9457() {
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
            .jsonPath("$.paths['/v1/messages'].post.requestBody.content['application/json'].example.to").isEqualTo("+14155550123")
            .jsonPath("$.paths['/v1/messages'].post.responses['201'].content.*.example.status").isEqualTo(List.of("SCHEDULED"))
            .jsonPath("$.paths['/v1/messages'].post.responses['422']").exists()
            .jsonPath("$.paths['/v1/messages/{id}'].delete.responses['409']").exists()
            .jsonPath("$.paths['/v1/campaigns/{id}'].get.responses['404']").exists()
            .jsonPath("$.paths['/v1/campaigns'].post.responses['400'].content['application/problem+json']").exists()
            .jsonPath("$.components.schemas.Problem.properties.errors.items.properties.field").exists();
    }

    private Map<?, ?> paths() {
        Map<?, ?> document = web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody();
        return (Map<?, ?>) document.get("paths");
    }
}
