package io.wascheduler.dispatcher.support;

import io.wascheduler.model.event.EventCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The sandbox's operator side: injected failures per number, the ledger of one number, answer counts. */
public final class SandboxAdmin {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public SandboxAdmin(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Replaces every number's injected failures, e.g. {@code {"<id>": {"errorRate": 1.0, "errorCode": 130429}}}. */
    public void faults(Map<String, Map<String, Object>> perNumber) {
        String body = EventCodec.mapper().writeValueAsString(Map.of("faultsPerNumber", perNumber));
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(URI.create(baseUrl + "/sandbox/config"))
            .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The sandbox refused the faults: " + response.body());
        }
    }

    /** Every send the sandbox accepted from {@code phoneNumberId}, oldest first. */
    public List<JsonNode> sentBy(String phoneNumberId) {
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(
            URI.create(baseUrl + "/sandbox/messages?phoneNumberId=" + phoneNumberId)).build());
        List<JsonNode> entries = new ArrayList<>();
        EventCodec.mapper().readTree(response.body()).forEach(entries::add);
        return entries;
    }

    /** How many sends from {@code phoneNumberId} the sandbox answered with error {@code code}. */
    public long errors(String phoneNumberId, int code) {
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(URI.create(baseUrl + "/sandbox/stats")).build());
        return EventCodec.mapper().readTree(response.body()).path(phoneNumberId).path("errors")
            .path(Integer.toString(code)).asLong(0);
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
