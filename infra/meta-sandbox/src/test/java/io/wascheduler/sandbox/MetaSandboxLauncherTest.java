package io.wascheduler.sandbox;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starting the sandbox inside another application's tests, as the dispatcher's tests do. */
class MetaSandboxLauncherTest {

    @Test
    void theSandboxIgnoresTheHostsConfigurationAndTakesTheGivenProperties() {
        try (MetaSandbox sandbox = MetaSandbox.start(Map.of("sandbox.default-throughput-mps", 5))) {
            assertThat(sandbox.port()).isPositive();
            assertThat(sandbox.context().getEnvironment().getProperty("spring.application.name"))
                    .isEqualTo("meta-sandbox");
            SandboxClient client = new SandboxClient(sandbox);
            client.http.post().uri("/sandbox/senders").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("phoneNumberId", "5005", "accessToken", "t")).exchange()
                    .expectStatus().isCreated()
                    .expectBody().jsonPath("$.throughputMps").isEqualTo(5);
        }
    }

    @Test
    void aClosedSandboxNoLongerAnswers() {
        MetaSandbox sandbox = MetaSandbox.start(Map.of());
        String baseUrl = sandbox.baseUrl();
        sandbox.close();
        assertThatThrownBy(() -> WebTestClient.bindToServer().baseUrl(baseUrl).build().get().uri("/actuator/health")
                .exchange()).hasMessageContaining("Connection refused");
    }
}
