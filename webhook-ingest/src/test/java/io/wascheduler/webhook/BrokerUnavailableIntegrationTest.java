package io.wascheduler.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.wascheduler.webhook.parse.WebhookPayloads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The producer points at a port where no broker listens: a webhook must not be acknowledged. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "wa.webhook.app-secret=" + BrokerUnavailableIntegrationTest.APP_SECRET,
    "wa.webhook.verify-token=unused-here",
    "wa.webhook.publish-timeout=5s",
    "spring.kafka.admin.auto-create=false",
    "spring.kafka.producer.properties.max.block.ms=1000",
    "spring.kafka.producer.properties.request.timeout.ms=1000",
    "spring.kafka.producer.properties.delivery.timeout.ms=2000"})
@AutoConfigureWebTestClient
class BrokerUnavailableIntegrationTest {

    static final String APP_SECRET = "unavailable-app-secret";

    @Autowired
    private WebTestClient client;
    @Autowired
    private MeterRegistry meters;

    @DynamicPropertySource
    static void noBroker(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + closedPort());
    }

    @Test
    void aWebhookThatCannotBeStoredIsAnswered503SoThatMetaRetriesIt() {
        byte[] body = WebhookPayloads.load("batched-statuses.json");

        new MetaWebhooks(client, APP_SECRET).postSigned(body)
            .expectStatus().isEqualTo(503)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.detail").isEqualTo("the webhook could not be stored; retry later");

        assertThat(meters.find("wa.webhook.acknowledgement").tag("outcome", "unavailable").timer())
            .isNotNull().satisfies(timer -> assertThat(timer.count()).isEqualTo(1));
        assertThat(meters.find("wa.webhook.statuses").counter()).isNull();
    }

    @Test
    void healthReportsTheBrokerDown() {
        client.mutate().responseTimeout(Duration.ofSeconds(30)).build()
            .get().uri("/actuator/health").exchange()
            .expectStatus().isEqualTo(503)
            .expectBody().jsonPath("$.components.kafka.status").isEqualTo("DOWN");
    }

    /** A port that was free a moment ago; nothing listens on it. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
