package io.wascheduler.sandbox;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.wascheduler.sandbox.SandboxClient.text;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

/** Errors and timeouts injected per number through {@code PUT /sandbox/config}, switched on and off at runtime. */
class FaultInjectionTest {

    private static MetaSandbox sandbox;
    private static SandboxClient client;

    @BeforeAll
    static void start() {
        sandbox = MetaSandbox.start(Map.of("sandbox.magic.timeout-hold", "5s"));
        client = new SandboxClient(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aNumberSetToFailEverySendAnswersTheGivenCodeUntilSwitchedBack() {
        String throttled = client.newSender(null);
        String other = client.newSender(null);
        faults(Map.of(throttled, Map.of("errorRate", 1.0, "errorCode", 130429)));

        client.send(throttled, text("+31612345001", "fault-1")).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.error.code").isEqualTo(130429)
                .jsonPath("$.error.message").isEqualTo("(#130429) Rate limit hit");
        client.send(other, text("+31612345001", "fault-2")).expectStatus().isOk();
        client.http.get().uri("/sandbox/stats").exchange().expectBody()
                .jsonPath("$['" + throttled + "'].errors['130429']").isEqualTo(1)
                .jsonPath("$['" + throttled + "'].accepted").isEqualTo(0);

        faults(Map.of());
        client.send(throttled, text("+31612345001", "fault-3")).expectStatus().isOk();
    }

    @Test
    void anInjectedPauseCodeIsAnsweredAsMetaDoes() {
        String blocked = client.newSender(null);
        faults(Map.of(blocked, Map.of("errorRate", 1.0, "errorCode", 368)));

        client.send(blocked, text("+31612345002", "fault-4")).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.error.code").isEqualTo(368);
        faults(Map.of());
    }

    @Test
    void aNumberSetToTimeOutLeavesItsSendsUnanswered() {
        String hanging = client.newSender(null);
        faults(Map.of(hanging, Map.of("timeoutRate", 1.0)));
        WebTestClient impatient = client.http.mutate().responseTimeout(Duration.ofMillis(1500)).build();

        assertThatThrownBy(() -> impatient.post().uri("/v23.0/{id}/messages", hanging)
                .header("Authorization", "Bearer " + SandboxClient.tokenOf(hanging))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(text("+31612345003", "fault-5")).exchange())
                .hasMessageContaining("Timeout");
        faults(Map.of());
        client.send(hanging, text("+31612345004", "fault-6")).expectStatus().isOk();
    }

    @Test
    void aNumberSetToLoseAnswersAcceptsTheSendButLeavesItUnanswered() {
        String forgetful = client.newSender(null);
        faults(Map.of(forgetful, Map.of("lostAnswerRate", 1.0)));
        WebTestClient impatient = client.http.mutate().responseTimeout(Duration.ofMillis(1500)).build();

        assertThatThrownBy(() -> impatient.post().uri("/v23.0/{id}/messages", forgetful)
                .header("Authorization", "Bearer " + SandboxClient.tokenOf(forgetful))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(text("+31612345005", "fault-7")).exchange())
                .hasMessageContaining("Timeout");
        faults(Map.of());
        client.http.get().uri("/sandbox/messages?to={to}", "+31612345005").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1);
    }

    @Test
    void anUnknownInjectedCodeIsAProblemNamingTheField() {
        client.http.put().uri("/sandbox/config").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("faultsPerNumber", Map.of("123", Map.of("errorRate", 0.5, "errorCode", 4242))))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(containsString("errorCode"));
    }

    private static void faults(Map<String, Map<String, Object>> perNumber) {
        client.http.put().uri("/sandbox/config").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("faultsPerNumber", perNumber)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.faultsPerNumber").exists();
    }
}
