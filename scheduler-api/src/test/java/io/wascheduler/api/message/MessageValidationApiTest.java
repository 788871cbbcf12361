package io.wascheduler.api.message;

import io.wascheduler.api.IntegrationTest;
import io.wascheduler.api.TestTenant;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Each rule of POST /v1/messages seen over HTTP: 400 problem+json naming the field. */
class MessageValidationApiTest extends IntegrationTest {

    private TestTenant tenant;

    @BeforeEach
    void tenant() {
        tenant = newTenant();
    }

    @Test
    void anUnknownFieldIsRejectedByName() {
        Map<String, Object> body = valid();
        body.put("sendAtt", "2026-12-01T09:00:00Z");
        expectFieldError(body, "sendAtt");
    }

    @Test
    void anUnknownFieldInsideTheContentIsRejectedWithItsPath() {
        Map<String, Object> body = valid();
        body.put("content", Map.of("type", "text", "text", "Hi", "preview_url", true));
        expectFieldError(body, "content.preview_url");
    }

    @Test
    void anUnknownContentTypeIsRejected() {
        Map<String, Object> body = valid();
        body.put("content", Map.of("type", "sticker", "link", "https://x.io/a.webp"));
        expectFieldError(body, "content.type");
    }

    @Test
    void aMalformedSendAtIsRejected() {
        Map<String, Object> body = valid();
        body.put("sendAt", "tomorrow");
        expectFieldError(body, "sendAt");
    }

    @Test
    void aNumberOutsideRealNumberingPlansIsRejected() {
        Map<String, Object> body = valid();
        body.put("to", "+10005550123");
        expectFieldError(body, "to");
    }

    @Test
    void textLongerThan4096CharactersIsRejected() {
        Map<String, Object> body = valid();
        body.put("content", Map.of("type", "text", "text", "x".repeat(4097)));
        expectFieldError(body, "content.text");
    }

    @Test
    void sendAtMoreThanAYearAheadIsRejected() {
        Map<String, Object> body = valid();
        body.put("sendAt", Instant.now().plus(366, ChronoUnit.DAYS).toString());
        expectFieldError(body, "sendAt");
    }

    @Test
    void sendAtMoreThanAMinuteAgoIsRejected() {
        Map<String, Object> body = valid();
        body.put("sendAt", Instant.now().minusSeconds(120).toString());
        expectFieldError(body, "sendAt");
    }

    @Test
    void maxAttemptsAboveTenIsRejected() {
        Map<String, Object> body = valid();
        body.put("maxAttempts", 11);
        expectFieldError(body, "maxAttempts");
    }

    @Test
    void anUnknownSenderIsRejected() {
        Map<String, Object> body = valid();
        body.put("from", "000");
        expectFieldError(body, "from");
    }

    @Test
    void malformedJsonIsABadRequest() {
        tenant.post("/v1/messages", "{\"from\":").expectStatus().isBadRequest()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private Map<String, Object> valid() {
        Map<String, Object> body = new HashMap<>();
        body.put("from", tenant.sender());
        body.put("to", "+14155550123");
        body.put("content", Map.of("type", "text", "text", "Hello"));
        return body;
    }

    private void expectFieldError(Map<String, Object> body, String field) {
        tenant.post("/v1/messages", body).expectStatus().isBadRequest()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status").isEqualTo(400)
            .jsonPath("$.type").exists()
            .jsonPath("$.title").exists()
            .jsonPath("$.detail").exists()
            .jsonPath("$.errors[0].field").isEqualTo(field)
            .jsonPath("$.errors[0].message").exists();
    }
}
