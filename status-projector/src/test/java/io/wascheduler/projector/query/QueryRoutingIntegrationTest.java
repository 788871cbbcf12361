package io.wascheduler.projector.query;

import static io.wascheduler.projector.topology.Events.campaignScheduled;
import static io.wascheduler.projector.topology.Events.dispatched;
import static io.wascheduler.projector.topology.Events.scheduled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wascheduler.projector.StatusProjectorApplication;
import io.wascheduler.projector.campaign.CampaignStores;
import io.wascheduler.projector.message.MessageStores;
import io.wascheduler.projector.topology.ProjectorStreams;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
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

/** Two instances share the partitions; each answers for every key, reading the other's through routing. */
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

    private ConfigurableApplicationContext secondInstance;

    @BeforeEach
    void startASecondInstance(@TempDir Path secondStateDir) {
        secondInstance = new SpringApplicationBuilder(StatusProjectorApplication.class).run(
            "--server.port=0",
            "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
            "--wa.projector.state-dir=" + secondStateDir);
    }

    @AfterEach
    void stopTheSecondInstance() {
        secondInstance.close();
    }

    @Test
    void everyInstanceAnswersForKeysOwnedByTheOtherAndAForwardedRequestIsNeverForwardedAgain() {
        ProjectorStreams second = secondInstance.getBean(ProjectorStreams.class);
        await().atMost(PATIENCE).until(() -> first.state() == KafkaStreams.State.RUNNING
            && second.state() == KafkaStreams.State.RUNNING
            && ownedBy(first, CampaignStores.COUNTERS, "cmp-a-") != null
            && ownedBy(second, CampaignStores.COUNTERS, "cmp-b-") != null);
        String campaignOfFirst = ownedBy(first, CampaignStores.COUNTERS, "cmp-a-");
        String campaignOfSecond = ownedBy(second, CampaignStores.COUNTERS, "cmp-b-");
        String messageOfFirst = ownedBy(first, MessageStores.MESSAGES, "msg-a-");
        String messageOfSecond = ownedBy(second, MessageStores.MESSAGES, "msg-b-");

        EventPublisher.publish(broker.getBrokersAsString(),
            campaignScheduled(campaignOfFirst, 1), scheduled(messageOfFirst, 1, campaignOfFirst),
            dispatched(messageOfFirst, 1, campaignOfFirst, "wamid.a"),
            campaignScheduled(campaignOfSecond, 2), scheduled(messageOfSecond, 1, campaignOfSecond));

        for (WebTestClient instance : List.of(client(firstPort), client(second.self().port()))) {
            await().atMost(PATIENCE).untilAsserted(() -> {
                instance.get().uri("/internal/v1/campaigns/{id}/progress", campaignOfFirst).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.sent").isEqualTo(1);
                instance.get().uri("/internal/v1/campaigns/{id}/progress", campaignOfSecond).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.total").isEqualTo(2).jsonPath("$.pending").isEqualTo(2);
                instance.get().uri("/internal/v1/messages/{id}", messageOfFirst).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("SENT");
                instance.get().uri("/internal/v1/messages/{id}", messageOfSecond).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("SCHEDULED");
            });
        }

        boolean firstOwnsIt = first.self().equals(first.ownerOf(CampaignStores.COUNTERS, campaignOfSecond).activeHost());
        int nonOwnerPort = firstOwnsIt ? second.self().port() : firstPort;
        client(nonOwnerPort).get().uri("/internal/v1/campaigns/{id}/progress", campaignOfSecond)
            .header(KeyOwnerRouter.FORWARDED_HEADER, "localhost:" + (firstOwnsIt ? firstPort : second.self().port()))
            .exchange()
            .expectStatus().isEqualTo(503)
            .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
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
