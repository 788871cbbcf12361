package io.wascheduler.sandbox;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.wascheduler.sandbox.SandboxClient.text;
import static org.assertj.core.api.Assertions.assertThat;

/** Meta's throughput and pair-rate refusals through the send endpoint. */
class RateLimitsTest {

    private static MetaSandbox sandbox;
    private static SandboxClient client;

    @BeforeAll
    static void start() {
        sandbox = MetaSandbox.start(Map.of("sandbox.pair-rate.burst", 2, "sandbox.pair-rate.interval", "1h"));
        client = new SandboxClient(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void sendingFasterThanTheNumbersThroughputIsRefusedWith130429() {
        String number = client.newSender(1);
        int refused = 0;
        for (int i = 0; i < 10; i++) {
            var answer = client.send(number, text("+3161234560" + i, "burst-" + i)).returnResult(byte[].class);
            if (answer.getStatus().value() == 400) {
                refused++;
                assertThat(new String(answer.getResponseBodyContent()))
                        .contains("\"message\":\"(#130429) Rate limit hit\"")
                        .contains("\"details\":\"Cloud API message throughput has been reached.\"")
                        .contains("\"code\":130429");
            }
        }
        assertThat(refused).isPositive();
        client.http.get().uri("/sandbox/stats").exchange().expectBody()
                .jsonPath("$['" + number + "'].errors['130429']").isEqualTo(refused)
                .jsonPath("$['" + number + "'].accepted").isEqualTo(10 - refused);
    }

    @Test
    void aThirdMessageToTheSameRecipientWithinTheIntervalHitsThePairRate() {
        String number = client.newSender(null);
        client.send(number, text("+31612345678", "pair-1")).expectStatus().isOk();
        client.send(number, text("+31612345678", "pair-2")).expectStatus().isOk();
        client.send(number, text("31612345678", "pair-3")).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.error.code").isEqualTo(131056)
                .jsonPath("$.error.message").isEqualTo("(#131056) (Business Account, Consumer Account) pair rate limit hit");
        client.send(number, text("+31687654321", "pair-4")).expectStatus().isOk();
    }

    @Test
    void theSameRecipientFromAnotherNumberIsNotLimited() {
        String first = client.newSender(null);
        String second = client.newSender(null);
        client.send(first, text("+31611111111", "a-1")).expectStatus().isOk();
        client.send(first, text("+31611111111", "a-2")).expectStatus().isOk();
        client.send(second, text("+31611111111", "b-1")).expectStatus().isOk();
    }
}
