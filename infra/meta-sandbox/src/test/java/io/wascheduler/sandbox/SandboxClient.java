package io.wascheduler.sandbox;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Talks to a running sandbox like a Cloud API client and an operator would. */
final class SandboxClient {

    static final String API_VERSION = "v23.0";
    private static final AtomicLong NEXT_NUMBER_ID = new AtomicLong(106_540_352_200_000L);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final WebTestClient http;

    SandboxClient(MetaSandbox sandbox) {
        this.http = WebTestClient.bindToServer().baseUrl(sandbox.baseUrl()).responseTimeout(Duration.ofSeconds(15))
                .build();
    }

    static String tokenOf(String phoneNumberId) {
        return "EAAG-token-" + phoneNumberId;
    }

    /** Registers a fresh business number, so each test has its own limits, ledger entries and stats. */
    String newSender(Integer throughputMps) {
        String phoneNumberId = Long.toString(NEXT_NUMBER_ID.incrementAndGet());
        http.post().uri("/sandbox/senders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phoneNumberId", phoneNumberId, "accessToken", tokenOf(phoneNumberId),
                        "throughputMps", throughputMps == null ? 80 : throughputMps, "wabaId", "7770" + phoneNumberId))
                .exchange().expectStatus().isCreated();
        return phoneNumberId;
    }

    WebTestClient.ResponseSpec send(String phoneNumberId, String body) {
        return send(phoneNumberId, tokenOf(phoneNumberId), body);
    }

    WebTestClient.ResponseSpec send(String phoneNumberId, String token, String body) {
        return http.post().uri("/{version}/{id}/messages", API_VERSION, phoneNumberId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** Sends and returns the wamid of the accepted message. */
    String sendAccepted(String phoneNumberId, String body) {
        byte[] answer = send(phoneNumberId, body).expectStatus().isOk().expectBody(byte[].class).returnResult()
                .getResponseBody();
        return JSON.readTree(answer).path("messages").path(0).path("id").stringValue();
    }

    static String text(String to, String callbackData) {
        return """
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","type":"text",
                 "text":{"preview_url":false,"body":"Hello"},"biz_opaque_callback_data":"%s"}""".formatted(to, callbackData);
    }

    static String template(String to) {
        return """
                {"messaging_product":"whatsapp","to":"%s","type":"template",
                 "template":{"name":"hello_world","language":{"code":"en_US"}}}""".formatted(to);
    }
}
