package io.wascheduler.webhook;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Meta's subscription handshake, and the health an operator checks. */
@IngestIntegrationTest
class WebhookHandshakeIntegrationTest {

    @Autowired
    private WebTestClient client;

    @Test
    void theVerificationHandshakeEchoesTheChallengeForTheRightToken() {
        client.get().uri(uri -> uri.path(MetaWebhooks.PATH).queryParam("hub.mode", "subscribe")
                .queryParam("hub.verify_token", IngestIntegrationTest.VERIFY_TOKEN)
                .queryParam("hub.challenge", "1158201444").build())
            .exchange()
            .expectStatus().isOk()
            .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
            .expectBody(String.class).isEqualTo("1158201444");
    }

    @Test
    void theVerificationHandshakeIsForbiddenForAWrongToken() {
        client.get().uri(uri -> uri.path(MetaWebhooks.PATH).queryParam("hub.mode", "subscribe")
                .queryParam("hub.verify_token", "guess").queryParam("hub.challenge", "1158201444").build())
            .exchange()
            .expectStatus().isForbidden()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.field").isEqualTo("hub.verify_token");
    }

    @Test
    void healthShowsTheBrokerUp() {
        client.get().uri("/actuator/health").exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.components.kafka.status").isEqualTo("UP");
    }
}
