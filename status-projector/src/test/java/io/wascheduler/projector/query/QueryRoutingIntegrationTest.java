package io.wascheduler.projector.query;

import static io.wascheduler.projector.topology.Events.campaignScheduled;
import static io.wascheduler.projector.topology.Events.dispatched;
import static io.wascheduler.projector.topology.Events.failedRetryably;
import static io.wascheduler.projector.topology.Events.scheduled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wascheduler.projector.StatusProjectorApplication;
import io.wascheduler.projector.campaign.CampaignStores;
import io.wascheduler.projector.campaign.ProgressReport;
import io.wascheduler.projector.message.MessageStores;
import io.wascheduler.projector.topology.ProjectorStreams;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two instances share the partitions; each answers for every key, reading the other's through routing, so
 * that whichever instance a caller reaches, the answer and the stream are the same.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "logging.level.io.wascheduler.projector.query=DEBUG",
})
@DirtiesContext
@EmbeddedKafka(brokerProperties = {
    "transaction.state.log.replication.factor=1",
    "transaction.state.log.min.isr=1",
    "group.initial.rebalance.delay.ms=0",
})
class QueryRoutingIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** One call's limit, so that Awaitility retries a stuck call rather than waiting on it for all its patience. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    static Path stateDir;
    @TempDir
    static Path secondStateDir;

    @DynamicPropertySource
    static void stateInTheTestsOwnDirectory(DynamicPropertyRegistry registry) {
        registry.add("wa.projector.state-dir", stateDir::toString);
    }

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    ProjectorStreams first;

    @LocalServerPort
    int firstPort;

    /** Started once for the class (it needs the broker, known only to an instance), like the first. */
    private static ConfigurableApplicationContext secondInstance;
    private ProjectorStreams second;

    @BeforeEach
    void aSecondInstanceRunsAndBothOwnPartitions() {
        if (secondInstance == null) {
            secondInstance = startASecondInstance();
        }
        second = secondInstance.getBean(ProjectorStreams.class);
        await().atMost(PATIENCE).until(() -> first.state() == KafkaStreams.State.RUNNING
            && second.state() == KafkaStreams.State.RUNNING
            && ownedBy(first, CampaignStores.COUNTERS, "cmp-a-") != null
            && ownedBy(second, CampaignStores.COUNTERS, "cmp-b-") != null);
    }

    @AfterAll
    static void stopTheSecondInstance() {
        if (secondInstance != null) {
            secondInstance.close();
            secondInstance = null;
        }
    }

    private ConfigurableApplicationContext startASecondInstance() {
        return new SpringApplicationBuilder(StatusProjectorApplication.class).run(
            "--server.port=0",
            "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
            "--wa.projector.state-dir=" + secondStateDir);
    }

    @Test
    void everyInstanceGivesTheSameAnswerForCampaignsAndMessagesWhicheverInstanceOwnsThem() {
        String campaignOfFirst = ownedBy(first, CampaignStores.COUNTERS, "cmp-a-");
        String campaignOfSecond = ownedBy(second, CampaignStores.COUNTERS, "cmp-b-");
        String messageOfFirst = ownedBy(first, MessageStores.MESSAGES, "msg-a-");
        String messageOfSecond = ownedBy(second, MessageStores.MESSAGES, "msg-b-");

        EventPublisher.publish(broker.getBrokersAsString(),
            campaignScheduled(campaignOfFirst, 1), scheduled(messageOfFirst, 1, campaignOfFirst),
            dispatched(messageOfFirst, 1, campaignOfFirst, "wamid.a"),
            campaignScheduled(campaignOfSecond, 2), scheduled(messageOfSecond, 1, campaignOfSecond),
            failedRetryably(messageOfSecond, 1, campaignOfSecond));

        List<WebTestClient> instances = List.of(client(firstPort), client(second.self().port()));
        for (WebTestClient instance : instances) {
            await().atMost(PATIENCE).untilAsserted(() -> {
                instance.get().uri("/internal/v1/campaigns/{id}/progress", campaignOfFirst).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.sent").isEqualTo(1);
                instance.get().uri("/internal/v1/campaigns/{id}/progress", campaignOfSecond).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.total").isEqualTo(2).jsonPath("$.pending").isEqualTo(1)
                    .jsonPath("$.sending").isEqualTo(1);
                instance.get().uri("/internal/v1/messages/{id}", messageOfFirst).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("SENT");
                instance.get().uri("/internal/v1/messages/{id}", messageOfSecond).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("SENDING");
            });
        }
        for (String campaign : List.of(campaignOfFirst, campaignOfSecond)) {
            assertThat(progress(instances.get(0), campaign)).as(campaign).isEqualTo(progress(instances.get(1), campaign));
        }
        for (String message : List.of(messageOfFirst, messageOfSecond)) {
            assertThat(body(instances.get(0), "/internal/v1/messages/{id}", message)).as(message)
                .isEqualTo(body(instances.get(1), "/internal/v1/messages/{id}", message));
        }
    }

    @Test
    void aCampaignNoInstanceHasHeardOfIsA404OnEveryInstance() {
        String unknownOfFirst = ownedBy(first, CampaignStores.COUNTERS, "cmp-unknown-a-");
        String unknownOfSecond = ownedBy(second, CampaignStores.COUNTERS, "cmp-unknown-b-");
        for (int port : List.of(firstPort, second.self().port())) {
            for (String campaign : List.of(unknownOfFirst, unknownOfSecond)) {
                await().atMost(PATIENCE).untilAsserted(() -> client(port).get()
                    .uri("/internal/v1/campaigns/{id}/progress", campaign).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            }
        }
    }

    @Test
    void aProgressStreamOpenedOnTheInstanceThatDoesNotOwnTheCampaignFollowsItToTheEnd() throws Exception {
        String campaign = ownedBy(first, CampaignStores.COUNTERS, "cmp-stream-");
        EventPublisher.publish(broker.getBrokersAsString(), campaignScheduled(campaign, 1),
            scheduled("stream-m1", 1, campaign), failedRetryably("stream-m1", 1, campaign));
        WebTestClient nonOwner = client(second.self().port());
        await().atMost(PATIENCE).untilAsserted(() -> nonOwner.get().uri("/internal/v1/campaigns/{id}/progress", campaign)
            .exchange().expectStatus().isOk().expectBody().jsonPath("$.sending").isEqualTo(1));

        ProgressStreamListener stream = ProgressStreamListener.follow(nonOwner, campaign, PATIENCE);
        List<ProgressReport> received = stream.received();
        CompletableFuture<Void> ended = stream.ended();
        await().atMost(PATIENCE).until(() -> !received.isEmpty());

        EventPublisher.publish(broker.getBrokersAsString(), dispatched("stream-m1", 1, campaign, "wamid.stream"));

        ended.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(received.getFirst()).extracting(ProgressReport::sending, ProgressReport::sent).containsExactly(1L, 0L);
        assertThat(received.getLast()).extracting(ProgressReport::sending, ProgressReport::sent).containsExactly(0L, 1L);
    }

    @Test
    void aForwardedRequestIsNeverForwardedAgain() {
        String campaignOfSecond = ownedBy(second, CampaignStores.COUNTERS, "cmp-forwarded-");
        EventPublisher.publish(broker.getBrokersAsString(), campaignScheduled(campaignOfSecond, 1));
        await().atMost(PATIENCE).untilAsserted(() -> client(firstPort).get()
            .uri("/internal/v1/campaigns/{id}/progress", campaignOfSecond).exchange().expectStatus().isOk());

        client(firstPort).get().uri("/internal/v1/campaigns/{id}/progress", campaignOfSecond)
            .header(KeyOwnerRouter.FORWARDED_HEADER, "localhost:" + second.self().port())
            .exchange()
            .expectStatus().isEqualTo(503)
            .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static ProgressReport progress(WebTestClient instance, String campaignId) {
        return instance.get().uri("/internal/v1/campaigns/{id}/progress", campaignId).exchange()
            .expectStatus().isOk()
            .expectBody(ProgressReport.class).returnResult().getResponseBody();
    }

    private static String body(WebTestClient instance, String uri, String id) {
        return instance.get().uri(uri, id).exchange()
            .expectStatus().isOk()
            .expectBody(String.class).returnResult().getResponseBody();
    }

    /** A key (prefix plus a number) that {@code instance} owns in {@code store}, or null while nothing is assigned. */
    private static String ownedBy(ProjectorStreams instance, String store, String prefix) {
        HostInfo self = instance.self();
        return IntStream.range(0, 100).mapToObj(i -> prefix + i)
            .filter(key -> self.equals(instance.ownerOf(store, key).activeHost()))
            .findFirst()
            .orElse(null);
    }

    private static WebTestClient client(int port) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(CALL_TIMEOUT).build();
    }
}
