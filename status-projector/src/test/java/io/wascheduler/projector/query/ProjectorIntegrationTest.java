package io.wascheduler.projector.query;

import static io.wascheduler.projector.topology.Events.campaignScheduled;
import static io.wascheduler.projector.topology.Events.cancelled;
import static io.wascheduler.projector.topology.Events.dispatched;
import static io.wascheduler.projector.topology.Events.failedFinally;
import static io.wascheduler.projector.topology.Events.failedRetryably;
import static io.wascheduler.projector.topology.Events.scheduled;
import static io.wascheduler.projector.topology.Events.status;
import static io.wascheduler.projector.topology.Events.statusByWamid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wascheduler.model.event.CampaignProgress;
import io.wascheduler.model.event.DeliveryStatus;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.EventSerde;
import io.wascheduler.model.topic.Topics;
import io.wascheduler.projector.campaign.ProgressReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The whole service on a real KRaft broker: events in on the topics, counters out through HTTP and the progress topic. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    // sends dated "now" stay in the rate window however slowly a loaded machine gets them through the broker
    "wa.projector.rate-window=10m",
})
@DirtiesContext
@EmbeddedKafka(brokerProperties = {
    "transaction.state.log.replication.factor=1",
    "transaction.state.log.min.isr=1",
    "group.initial.rebalance.delay.ms=0",
})
class ProjectorIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** One call's limit, so that Awaitility retries a stuck call rather than waiting on it for all its patience. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    static Path stateDir;

    @DynamicPropertySource
    static void stateInTheTestsOwnDirectory(DynamicPropertyRegistry registry) {
        registry.add("wa.projector.state-dir", stateDir::toString);
    }

    @Autowired
    EmbeddedKafkaBroker broker;

    @LocalServerPort
    int port;

    private WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(CALL_TIMEOUT).build();
    }

    @Test
    void eventsOnTheTopicsShowUpAsExactCountersOnTheProgressEndpointAndTopic() {
        EventPublisher.publish(broker.getBrokersAsString(), campaignScheduled("cmp-it", 5),
            scheduled("m1", 1, "cmp-it"), dispatched("m1", 1, "cmp-it", "wamid.m1"),
            status("m1", 1, "cmp-it", "wamid.m1", DeliveryStatus.READ),
            statusByWamid("wamid.m2", DeliveryStatus.DELIVERED), scheduled("m2", 1, "cmp-it"),
            dispatched("m2", 1, "cmp-it", "wamid.m2"),
            scheduled("m3", 1, "cmp-it"), cancelled("m3", 1, "cmp-it"),
            scheduled("m4", 1, "cmp-it"), failedFinally("m4", 1, "cmp-it"));

        await().atMost(PATIENCE).untilAsserted(() -> http.get().uri("/internal/v1/campaigns/cmp-it/progress")
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.total").isEqualTo(5)
            .jsonPath("$.pending").isEqualTo(1)
            .jsonPath("$.sending").isEqualTo(0)
            .jsonPath("$.sent").isEqualTo(2)
            .jsonPath("$.delivered").isEqualTo(2)
            .jsonPath("$.read").isEqualTo(1)
            .jsonPath("$.failed").isEqualTo(1)
            .jsonPath("$.cancelled").isEqualTo(1)
            .jsonPath("$.percentComplete").isEqualTo(80.0));

        http.get().uri("/internal/v1/messages/m2").exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.status").isEqualTo("DELIVERED")
            .jsonPath("$.wamid").isEqualTo("wamid.m2")
            .jsonPath("$.version").isEqualTo(1);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(lastPublishedProgress("cmp-it"))
            .extracting(CampaignProgress::total, CampaignProgress::pending, CampaignProgress::sent, CampaignProgress::failed)
            .containsExactly(5L, 1L, 2L, 1L));
    }

    @Test
    void theProgressStreamEndsWithAFinalEventOnceNothingIsPending() {
        EventPublisher.publish(broker.getBrokersAsString(),
            campaignScheduled("cmp-done", 1), scheduled("d1", 1, "cmp-done"), dispatched("d1", 1, "cmp-done", "wamid.d1"));
        await().atMost(PATIENCE).untilAsserted(() -> http.get().uri("/internal/v1/campaigns/cmp-done/progress")
            .exchange().expectBody().jsonPath("$.pending").isEqualTo(0));

        List<ServerSentEvent<ProgressReport>> events = http.get().uri("/internal/v1/campaigns/cmp-done/progress/stream")
            .accept(MediaType.TEXT_EVENT_STREAM)
            .exchange()
            .expectStatus().isOk()
            .returnResult(new ParameterizedTypeReference<ServerSentEvent<ProgressReport>>() { })
            .getResponseBody()
            .collectList()
            .block(PATIENCE);

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.event()).isEqualTo("progress");
            assertThat(event.data().sent()).isEqualTo(1);
            assertThat(event.data().pending()).isZero();
        });
    }

    @Test
    void aRetryableFailureRaisesTheCampaignsSendingCountAndTheSendLowersItAgain() {
        EventPublisher.publish(broker.getBrokersAsString(), campaignScheduled("cmp-retry", 2),
            scheduled("r1", 1, "cmp-retry"), scheduled("r2", 1, "cmp-retry"), failedRetryably("r1", 1, "cmp-retry"));

        await().atMost(PATIENCE).untilAsserted(() -> http.get().uri("/internal/v1/campaigns/cmp-retry/progress")
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.total").isEqualTo(2)
            .jsonPath("$.pending").isEqualTo(1)
            .jsonPath("$.sending").isEqualTo(1)
            .jsonPath("$.sent").isEqualTo(0)
            .jsonPath("$.percentComplete").isEqualTo(0.0));
        http.get().uri("/internal/v1/messages/r1").exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.status").isEqualTo("SENDING");

        EventPublisher.publish(broker.getBrokersAsString(), failedRetryably("r1", 1, "cmp-retry", 2),
            dispatched("r1", 1, "cmp-retry", "wamid.r1"));

        await().atMost(PATIENCE).untilAsserted(() -> http.get().uri("/internal/v1/campaigns/cmp-retry/progress")
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.pending").isEqualTo(1)
            .jsonPath("$.sending").isEqualTo(0)
            .jsonPath("$.sent").isEqualTo(1)
            .jsonPath("$.percentComplete").isEqualTo(50.0));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(lastPublishedProgress("cmp-retry"))
            .extracting(CampaignProgress::pending, CampaignProgress::sending, CampaignProgress::sent)
            .containsExactly(1L, 0L, 1L));
    }

    @Test
    void theProgressStreamStaysOpenWhileTheLastMessageIsBeingRetriedAndEndsOnceItIsSent() throws Exception {
        EventPublisher.publish(broker.getBrokersAsString(), campaignScheduled("cmp-last", 1),
            scheduled("l1", 1, "cmp-last"), failedRetryably("l1", 1, "cmp-last"));
        await().atMost(PATIENCE).untilAsserted(() -> http.get().uri("/internal/v1/campaigns/cmp-last/progress")
            .exchange().expectBody().jsonPath("$.sending").isEqualTo(1));

        ProgressStreamListener stream = ProgressStreamListener.follow(http, "cmp-last", PATIENCE);
        List<ProgressReport> received = stream.received();
        CompletableFuture<Void> ended = stream.ended();
        await().atMost(PATIENCE).until(() -> !received.isEmpty());
        assertThat(received.getFirst()).extracting(ProgressReport::pending, ProgressReport::sending).containsExactly(0L, 1L);
        assertThat(ended).as("a stream that ended while a message was still being retried").isNotDone();

        EventPublisher.publish(broker.getBrokersAsString(), dispatched("l1", 1, "cmp-last", "wamid.l1"));

        ended.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(received.getLast()).extracting(ProgressReport::pending, ProgressReport::sending, ProgressReport::sent)
            .containsExactly(0L, 0L, 1L);
    }

    @Test
    void aCampaignBeingSentShowsItsSendRateAndAnEstimatedCompletionUntilNothingIsLeftToSend() {
        Instant sentAt = Instant.now();
        EventPublisher.publish(broker.getBrokersAsString(), campaignScheduled("cmp-rate", 3),
            scheduled("q1", 1, "cmp-rate"), scheduled("q2", 1, "cmp-rate"), scheduled("q3", 1, "cmp-rate"),
            dispatched("q1", 1, "cmp-rate", "wamid.q1", sentAt), dispatched("q2", 1, "cmp-rate", "wamid.q2", sentAt));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(progressOf("cmp-rate"))
            .extracting(ProgressReport::pending, ProgressReport::sent).containsExactly(1L, 2L));
        ProgressReport underway = progressOf("cmp-rate");
        assertThat(underway.sendRatePerSecond()).isPositive();
        assertThat(underway.estimatedCompletionAt()).isAfter(sentAt);

        EventPublisher.publish(broker.getBrokersAsString(), dispatched("q3", 1, "cmp-rate", "wamid.q3", sentAt));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(progressOf("cmp-rate"))
            .extracting(ProgressReport::pending, ProgressReport::sent).containsExactly(0L, 3L));
        ProgressReport done = progressOf("cmp-rate");
        assertThat(done.estimatedCompletionAt()).isNull();
        assertThat(done.percentComplete()).isEqualTo(100.0);
        assertThat(done.sendRatePerSecond()).isPositive();
    }

    @Test
    void anUnknownCampaignOrMessageIsA404Problem() {
        await().atMost(PATIENCE).untilAsserted(() -> http.get().uri("/internal/v1/campaigns/no-such-campaign/progress")
            .exchange()
            .expectStatus().isNotFound()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.title").isEqualTo("Unknown campaign"));
        http.get().uri("/internal/v1/messages/no-such-message").exchange()
            .expectStatus().isNotFound()
            .expectBody().jsonPath("$.status").isEqualTo(404);
    }

    @Test
    void healthReportsTheProjectionRunning() {
        await().atMost(PATIENCE).untilAsserted(() -> http.get().uri("/actuator/health").exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.components.kafkaStreams.status").isEqualTo("UP")
            .jsonPath("$.components.kafkaStreams.details.state").isEqualTo("RUNNING"));
    }


    private ProgressReport progressOf(String campaignId) {
        return http.get().uri("/internal/v1/campaigns/{id}/progress", campaignId).exchange()
            .expectStatus().isOk()
            .expectBody(ProgressReport.class).returnResult().getResponseBody();
    }

    private CampaignProgress lastPublishedProgress(String campaignId) {
        Map<String, Object> config = Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.GROUP_ID_CONFIG, "progress-reader-" + System.nanoTime());
        List<CampaignProgress> published = new ArrayList<>();
        try (KafkaConsumer<String, EventEnvelope> consumer =
                 new KafkaConsumer<>(config, new StringDeserializer(), new EventSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.CAMPAIGN_PROGRESS.name()));
            consumer.poll(Duration.ofSeconds(5)).forEach(record -> {
                if (campaignId.equals(record.key())) {
                    published.add(record.value().payloadAs(CampaignProgress.class));
                }
            });
        }
        assertThat(published).isNotEmpty();
        return published.getLast();
    }
}
