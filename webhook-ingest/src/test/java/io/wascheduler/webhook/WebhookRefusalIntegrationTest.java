package io.wascheduler.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.model.topic.Topics;
import io.wascheduler.webhook.parse.WebhookPayloads;
import io.wascheduler.webhook.signature.SignatureVerifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;

/** Webhooks that must be refused, with problem+json and without publishing anything. */
@IngestIntegrationTest
class WebhookRefusalIntegrationTest {

    private static final List<String> OUR_TOPICS =
        List.of(Topics.MESSAGE_STATUSES.name(), Topics.INBOUND_MESSAGES.name(), Topics.WEBHOOK_RAW.name());
    private static final int THREE_MEGABYTES = 3 * 1024 * 1024;

    @Autowired
    private WebTestClient client;
    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;
    private MetaWebhooks meta;
    private TopicRecords topics;

    @BeforeEach
    void connect() {
        meta = new MetaWebhooks(client, IngestIntegrationTest.APP_SECRET);
        topics = new TopicRecords(bootstrapServers);
    }

    /** Every payload kind of META.md: statuses (batched, failed, without callback data), inbound, other fields. */
    @ParameterizedTest
    @ValueSource(strings = {"batched-statuses.json", "failed-status.json", "status-without-callback-data.json",
        "inbound-text.json", "template-status-update.json", "account-update.json", "unknown-fields.json"})
    void aWronglySignedWebhookOfAnyKindIsRefusedWith401AndNothingIsPublished(String kind) {
        byte[] body = WebhookPayloads.load(kind);
        Map<String, Long> before = recordCounts();

        meta.post(body, new SignatureVerifier("not-the-app-secret").sign(body))
            .expectStatus().isUnauthorized()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.field").isEqualTo("X-Hub-Signature-256")
            .jsonPath("$.detail").isEqualTo("X-Hub-Signature-256 does not match the body");

        assertThat(recordCounts()).isEqualTo(before);
    }

    @Test
    void anUnsignedWebhookIsRefusedWith401AndNothingIsPublished() {
        byte[] body = WebhookPayloads.load("batched-statuses.json");
        Map<String, Long> before = recordCounts();

        client.post().uri(MetaWebhooks.PATH).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.detail").isEqualTo("X-Hub-Signature-256 is missing");

        assertThat(recordCounts()).isEqualTo(before);
    }

    @Test
    void aBodyOverThreeMegabytesIsRefusedWith413() {
        byte[] body = new byte[THREE_MEGABYTES + 1];
        Arrays.fill(body, (byte) ' ');

        meta.postSigned(body)
            .expectStatus().isEqualTo(413)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.field").isEqualTo("body");
    }

    @Test
    void aChunkedBodyGrowingPastThreeMegabytesIsRefusedWith413() {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        int chunks = THREE_MEGABYTES / chunk.length + 16;
        Flux<DataBuffer> body = Flux.range(0, chunks).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(chunk));

        client.post().uri(MetaWebhooks.PATH)
            .contentType(MediaType.APPLICATION_JSON)
            .header(SignatureVerifier.HEADER, meta.sign(chunk))
            .body(BodyInserters.fromDataBuffers(body))
            .exchange()
            .expectStatus().isEqualTo(413);
    }

    @Test
    void aSignedBodyThatIsNotJsonIsRefusedWith400() {
        byte[] body = "{\"object\": \"whatsapp_business_account\", \"entry\": [".getBytes(StandardCharsets.UTF_8);

        meta.postSigned(body)
            .expectStatus().isBadRequest()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.field").isEqualTo("body");
    }

    /** Every send happens before the answer, so unchanged counts right after a refusal prove nothing was sent. */
    private Map<String, Long> recordCounts() {
        return OUR_TOPICS.stream().collect(Collectors.toMap(Function.identity(), topics::count));
    }
}
