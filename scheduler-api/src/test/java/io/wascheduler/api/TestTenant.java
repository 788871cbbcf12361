package io.wascheduler.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A tenant created through the admin API, with the senders it registered and helpers to call the API as it. */
public final class TestTenant {

    private static final AtomicLong PHONE_NUMBER_IDS = new AtomicLong(System.currentTimeMillis());

    private final WebTestClient web;
    private final String id;
    private final String apiKey;
    private final List<String> senders = new ArrayList<>();
    private final Map<String, String> tokens = new HashMap<>();

    TestTenant(WebTestClient web, String id, String apiKey) {
        this.web = web;
        this.id = id;
        this.apiKey = apiKey;
    }

    static String uniquePhoneNumberId() {
        return Long.toString(PHONE_NUMBER_IDS.incrementAndGet());
    }

    public String id() {
        return id;
    }

    public String apiKey() {
        return apiKey;
    }

    public String sender() {
        return senders.getFirst();
    }

    public String tokenOf(String sender) {
        return tokens.get(sender);
    }

    void registerSender(String phoneNumberId, String token) {
        post("/v1/senders", Map.of("phoneNumberId", phoneNumberId, "displayPhoneNumber", "+1 415 555 0100",
            "accessToken", token, "throughputMps", 40)).expectStatus().isCreated();
        senders.add(phoneNumberId);
        tokens.put(phoneNumberId, token);
    }

    public WebTestClient.ResponseSpec post(String path, Object body) {
        return web.post().uri(path).header("Authorization", "Bearer " + apiKey)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** Streams recipient rows as NDJSON to an upload endpoint. */
    public WebTestClient.ResponseSpec upload(String path, String ndjson) {
        return web.post().uri(path).header("Authorization", "Bearer " + apiKey)
            .contentType(MediaType.APPLICATION_NDJSON).bodyValue(ndjson).exchange();
    }

    public WebTestClient.ResponseSpec get(String path) {
        return web.get().uri(path).header("Authorization", "Bearer " + apiKey).exchange();
    }
}
