package io.wascheduler.api.openapi;

import java.util.Map;

/**
 * A request and a success-response example per operation ("METHOD path"), as JSON text; {@code null}
 * when the operation takes no body. Kept next to the contract (API.md) they illustrate.
 */
final class ApiExamples {

    record Example(String request, String status, String response) {
    }

    private static final String MESSAGE = """
        {"id":"0190f5d6-8d2e-7c4a-9b1e-2f6c8a1d3e57","from":"106540352242922","to":"+14155550123",
         "content":{"type":"text","text":"Hello","previewUrl":false},"sendAt":"2026-12-01T08:00:00Z","maxAttempts":4,
         "metadata":{"orderId":"A-17"},"status":"SCHEDULED","version":1,"attempts":0,
         "history":[{"version":1,"status":"SCHEDULED","at":"2026-11-22T10:00:00Z"}]}""";
    private static final String CAMPAIGN = """
        {"id":"0190f5d6-9a00-7d11-8a2b-1c2d3e4f5a6b","name":"Summer sale","from":"106540352242922","status":"SCHEDULED",
         "total":1,"content":{"type":"template","name":"summer_sale","language":"en_US",
         "components":[{"type":"body","parameters":[{"type":"text","text":"{{name}}"}]}]},
         "sendAt":"2026-12-01T08:00:00Z","maxAttempts":4,"createdAt":"2026-11-22T10:00:00Z",
         "progress":{"total":1,"pending":1,"sending":0,"sent":0,"delivered":0,"read":0,"failed":0,"cancelled":0,
          "percentComplete":0.0,"updatedAt":"2026-11-22T10:00:00Z","source":"projector"}}""";

    static final Map<String, Example> BY_OPERATION = Map.ofEntries(
        Map.entry("POST /admin/v1/tenants", new Example("""
            {"name":"Acme"}""", "201", """
            {"tenantId":"0190f5d6-1111-7000-8000-000000000001","apiKey":"wa_live_5f2c...shown-once"}""")),
        Map.entry("POST /v1/senders", new Example("""
            {"phoneNumberId":"106540352242922","displayPhoneNumber":"+1 415 555 0100","accessToken":"EAAG...","throughputMps":80}""",
            "201", """
            {"phoneNumberId":"106540352242922","displayPhoneNumber":"+1 415 555 0100","throughputMps":80,"status":"ACTIVE"}""")),
        Map.entry("GET /v1/senders", new Example(null, "200", """
            [{"phoneNumberId":"106540352242922","displayPhoneNumber":"+1 415 555 0100","throughputMps":80,"status":"PAUSED",
              "statusReason":"Meta throttled the number","lastError":{"code":131048,"title":"Spam rate limit hit"}}]""")),
        Map.entry("GET /internal/v1/senders/{phoneNumberId}", new Example(null, "200", """
            {"phoneNumberId":"106540352242922","accessToken":"EAAG...","throughputMps":80,"status":"ACTIVE"}""")),
        Map.entry("POST /v1/messages", new Example("""
            {"from":"106540352242922","to":"+14155550123","content":{"type":"text","text":"Hello"},
             "sendAt":"2026-12-01T09:00:00+01:00","maxAttempts":4,"metadata":{"orderId":"A-17"}}""", "201", MESSAGE)),
        Map.entry("GET /v1/messages/{id}", new Example(null, "200", MESSAGE)),
        Map.entry("PATCH /v1/messages/{id}", new Example("""
            {"sendAt":"2026-12-02T09:00:00+01:00"}""", "200", MESSAGE.replace("\"version\":1", "\"version\":2"))),
        Map.entry("DELETE /v1/messages/{id}", new Example(null, "200", MESSAGE.replace("\"SCHEDULED\",\"version", "\"CANCELLED\",\"version"))),
        Map.entry("POST /v1/messages/{id}/retry", new Example(null, "200", MESSAGE)),
        Map.entry("POST /v1/messages/bulk", new Example("""
            {"action":"cancel","ids":["0190f5d6-8d2e-7c4a-9b1e-2f6c8a1d3e57","0190f5d6-0000-7000-8000-000000000000"]}""", "200", """
            {"results":[{"id":"0190f5d6-8d2e-7c4a-9b1e-2f6c8a1d3e57","outcome":"OK"},
             {"id":"0190f5d6-0000-7000-8000-000000000000","outcome":"NOT_FOUND"}]}""")),
        Map.entry("POST /v1/campaigns", new Example("""
            {"name":"Summer sale","from":"106540352242922",
             "content":{"type":"template","name":"summer_sale","language":"en_US",
                        "components":[{"type":"body","parameters":[{"type":"text","text":"{{name}}"}]}]},
             "sendAt":"2026-12-01T09:00:00+01:00","maxAttempts":4,"recipients":[{"to":"+14155550123","vars":{"name":"Ann"}}]}""",
            "201", CAMPAIGN)),
        Map.entry("GET /v1/campaigns", new Example(null, "200", "{\"items\":[" + CAMPAIGN + "],\"nextCursor\":null}")),
        Map.entry("GET /v1/campaigns/{id}", new Example(null, "200", CAMPAIGN)),
        Map.entry("GET /v1/campaigns/{id}/messages", new Example(null, "200", "{\"items\":[" + MESSAGE + "],\"nextCursor\":null}")),
        Map.entry("POST /v1/campaigns/{id}/recipients", new Example(null, "200", """
            {"accepted":999998,"duplicatesSkipped":2,"rejectedCount":0}""")),
        Map.entry("POST /v1/campaigns/{id}/launch", new Example(null, "200", CAMPAIGN)),
        Map.entry("POST /v1/campaigns/{id}/cancel", new Example(null, "200", "{\"cancelled\":9950}")),
        Map.entry("POST /v1/campaigns/{id}/retry-failed", new Example(null, "200", "{\"retried\":12}")),
        Map.entry("POST /v1/campaigns/{id}/pause", new Example(null, "200", CAMPAIGN.replace("\"SCHEDULED\"", "\"PAUSED\""))),
        Map.entry("POST /v1/campaigns/{id}/resume", new Example(null, "200", CAMPAIGN)),
        Map.entry("GET /v1/health", new Example(null, "200", """
            {"overall":"healthy","components":{"kafka":"UP","postgres":"UP"},
             "senders":[{"phoneNumberId":"106540352242922","status":"ACTIVE"}],
             "queue":{"scheduled":1200,"dueBacklog":0,"oldestDueLagSeconds":0},"outbox":{"pending":0,"oldestAgeSeconds":0}}""")));

    private ApiExamples() {
    }
}
