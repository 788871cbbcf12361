package io.wascheduler.sandbox;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.wascheduler.sandbox.SandboxClient.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

/** The operator's side: registering senders, listing them, runtime switches, bad input. */
class AdminApiTest {

    private static MetaSandbox sandbox;
    private static SandboxClient client;

    @BeforeAll
    static void start() {
        sandbox = MetaSandbox.start(Map.of());
        client = new SandboxClient(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @AfterEach
    void resetLatency() {
        client.http.put().uri("/sandbox/config").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("latencyPerNumberMs", Map.of())).exchange().expectStatus().isOk();
    }

    @Test
    void aRegistrationWithoutNumberOrTokenIsAProblemNamingTheFields() {
        client.http.post().uri("/sandbox/senders").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail").value(containsString("phoneNumberId"))
                .jsonPath("$.detail").value(containsString("accessToken"));
    }

    @Test
    void registeredSendersAreListedWithoutTheirTokens() {
        String number = client.newSender(7);
        client.http.get().uri("/sandbox/senders").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.phoneNumberId == '" + number + "')].throughputMps").isEqualTo(7)
                .jsonPath("$[*].accessToken").doesNotExist()
                .consumeWith(result -> assertThat(new String(result.getResponseBody()))
                        .doesNotContain(SandboxClient.tokenOf(number)));
    }

    @Test
    void switchesChangeAtRuntimeAndKeepWhatIsNotGiven() {
        client.http.put().uri("/sandbox/config").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("batchSize", 5)).exchange().expectStatus().isOk();
        client.http.get().uri("/sandbox/config").exchange().expectBody()
                .jsonPath("$.batchSize").isEqualTo(5)
                .jsonPath("$.sentDelayMs").isEqualTo(50)
                .jsonPath("$.readProbability").isEqualTo(1.0);
        client.http.put().uri("/sandbox/config").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("batchSize", 1)).exchange().expectStatus().isOk();
    }

    @Test
    void anOutOfRangeSwitchIsAProblemNamingIt() {
        client.http.put().uri("/sandbox/config").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("duplicateProbability", 2)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(containsString("duplicateProbability"));
    }

    @Test
    void latencyInjectedForOneNumberSlowsOnlyThatNumber() {
        String slow = client.newSender(null);
        String fast = client.newSender(null);
        client.http.put().uri("/sandbox/config").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("latencyPerNumberMs", Map.of(slow, 30_000))).exchange().expectStatus().isOk();
        WebTestClient impatient = client.http.mutate().responseTimeout(Duration.ofMillis(1500)).build();
        assertThatThrownBy(() -> impatient.post().uri("/v23.0/{id}/messages", slow)
                .header("Authorization", "Bearer " + SandboxClient.tokenOf(slow))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(text("+31612345678", "slow-1")).exchange())
                .hasMessageContaining("Timeout");
        client.send(fast, text("+31612345678", "fast-1")).expectStatus().isOk();
    }
}
