package io.wascheduler.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.wascheduler.sandbox.SandboxClient.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The magic recipients of META.md, each end to end: the send's answer and the webhooks that follow. */
class MagicRecipientsTest {

    private static WebhookReceiver receiver;
    private static MetaSandbox sandbox;
    private static SandboxClient client;

    @BeforeAll
    static void start() {
        receiver = WebhookReceiver.start();
        sandbox = MetaSandbox.start(Map.of("sandbox.webhook-url", receiver.url(), "sandbox.app-secret", "secret",
                "sandbox.magic.timeout-hold", "3s"));
        client = new SandboxClient(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        receiver.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"1026; 131026; Message undeliverable", "1047; 131047; Re-engagement message",
            "1048; 131048; Spam rate limit hit",
            "1049; 131049; This message was not delivered to maintain healthy ecosystem engagement.",
            "1009; 131009; Parameter value is not valid"})
    void aFailureRecipientIsAcceptedThenReportedFailedWithItsError(String digits, int code, String title) {
        String number = client.newSender(null);
        String wamid = client.sendAccepted(number, text("+1201555" + digits, "fail-" + digits));

        await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.statusesOf(wamid).isEmpty());
        JsonNode failed = receiver.statusesOf(wamid).getFirst();
        assertThat(failed.path("status").stringValue()).isEqualTo("failed");
        assertThat(failed.path("recipient_id").stringValue()).isEqualTo("1201555" + digits);
        assertThat(failed.path("biz_opaque_callback_data").stringValue()).isEqualTo("fail-" + digits);
        assertThat(failed.path("errors").path(0).path("code").intValue()).isEqualTo(code);
        assertThat(failed.path("errors").path(0).path("title").stringValue()).isEqualTo(title);
        assertThat(receiver.statusesOf(wamid)).allMatch(s -> s.path("status").stringValue().equals("failed"));
    }

    @Test
    void theInvalidParameterRecipientIsRefusedAtOnceAndNotRecorded() {
        String number = client.newSender(null);
        client.send(number, text("12015550100", "bad-1")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.code").isEqualTo(100);
        client.http.get().uri("/sandbox/messages?phoneNumberId={n}", number).exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void theExpiredTokenRecipientIsRefusedWith190() {
        String number = client.newSender(null);
        client.send(number, text("+12015550190", "expired-1")).expectStatus().isUnauthorized().expectBody()
                .jsonPath("$.error.code").isEqualTo(190)
                .jsonPath("$.error.error_subcode").isEqualTo(463);
    }

    @Test
    void theServerErrorRecipientFailsTwicePerMessageThenSucceeds() {
        String number = client.newSender(null);
        for (int attempt = 1; attempt <= 2; attempt++) {
            client.send(number, text("+12015550500", "retry-me")).expectStatus().isEqualTo(500).expectBody()
                    .jsonPath("$.error.code").isEqualTo(131000)
                    .jsonPath("$.error.message").isEqualTo("(#131000) Something went wrong");
        }
        client.send(number, text("+12015550500", "retry-me")).expectStatus().isOk();
        client.send(number, text("+12015550500", "another-message")).expectStatus().isEqualTo(500);
    }

    @Test
    void theTimeoutRecipientGivesNoAnswerOnceThenSucceeds() {
        String number = client.newSender(null);
        WebTestClient impatient = client.http.mutate().responseTimeout(Duration.ofMillis(1000)).build();
        assertThatThrownBy(() -> impatient.post().uri("/v23.0/{id}/messages", number)
                .header("Authorization", "Bearer " + SandboxClient.tokenOf(number))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(text("+12015550408", "slow-1")).exchange())
                .hasMessageContaining("Timeout");
        client.send(number, text("+12015550408", "slow-1")).expectStatus().isOk();
    }

    @Test
    void theSilentRecipientIsAcceptedButNeverReported() {
        String number = client.newSender(null);
        String silent = client.sendAccepted(number, text("+12015559999", "silent-1"));
        String marker = client.sendAccepted(number, text("+31612345678", "marker-1"));

        await().atMost(Duration.ofSeconds(20)).until(() -> statusNames(marker).contains("read"));
        assertThat(receiver.statusesOf(silent)).isEmpty();
        client.http.get().uri("/sandbox/messages?to={to}&phoneNumberId={n}", "+12015559999", number).exchange()
                .expectBody().jsonPath("$[0].wamid").isEqualTo(silent);
    }

    private static List<String> statusNames(String wamid) {
        return receiver.statusesOf(wamid).stream().map(s -> s.path("status").stringValue()).toList();
    }
}
