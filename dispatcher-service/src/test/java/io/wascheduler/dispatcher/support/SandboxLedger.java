package io.wascheduler.dispatcher.support;

import io.wascheduler.model.event.EventCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The sandbox's ledger, the ground truth of what reached "Meta": every accepted send. */
public final class SandboxLedger {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public SandboxLedger(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Every send the sandbox accepted for {@code to} (E.164), oldest first. */
    public List<JsonNode> sentTo(String to) {
        String url = baseUrl + "/sandbox/messages?to=" + URLEncoder.encode(to, StandardCharsets.UTF_8);
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        List<JsonNode> entries = new ArrayList<>();
        EventCodec.mapper().readTree(response.body()).forEach(entries::add);
        return entries;
    }
}
