package io.wascheduler.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.wascheduler.dispatcher.sender.SenderDirectory;
import io.wascheduler.dispatcher.support.EventCollector;
import io.wascheduler.dispatcher.support.FakeSchedulerApi;
import io.wascheduler.dispatcher.support.SandboxLedger;
import io.wascheduler.model.content.TextContent;
import io.wascheduler.model.event.CallbackData;
import io.wascheduler.model.event.CampaignPaused;
import io.wascheduler.model.event.CampaignResumed;
import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.EventPayload;
import io.wascheduler.model.event.MessageCancelled;
import io.wascheduler.model.event.MessageDispatchFailed;
import io.wascheduler.model.event.MessageDispatched;
import io.wascheduler.model.event.MessageScheduled;
import io.wascheduler.model.event.MetaError;
import io.wascheduler.model.event.SenderConfigured;
import io.wascheduler.model.event.SenderStatusChanged;
import io.wascheduler.model.topic.TopicSpec;
import io.wascheduler.model.topic.Topics;
import io.wascheduler.sandbox.MetaSandbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole dispatcher on a real broker (embedded KRaft) sending to the real sandbox in-process, with a
 * test ladder of 1 s, 2 s and 4 s. The sandbox's ledger is the ground truth of what reached "Meta".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "wa.dispatcher.tiers=1s,2s,4s",
    "wa.dispatcher.internal-token=" + DispatcherIntegrationTest.INTERNAL_TOKEN,
    "wa.dispatcher.retry.initial-backoff=200ms",
    "wa.dispatcher.sending.request-timeout=3s",
    "wa.dispatcher.paused-campaign-recheck=1s",
    "logging.level.io.wascheduler.dispatcher=DEBUG"})
@EmbeddedKafka(count = 1, brokerProperties = {
    "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
    "transaction.state.log.num.partitions=4", "offsets.topic.num.partitions=4",
    "group.initial.rebalance.delay.ms=0"})
class DispatcherIntegrationTest {

    static final String INTERNAL_TOKEN = "internal-test-token";
    private static final String SENDER = "109876543210";
    private static final String ACCESS_TOKEN = "sandbox-access-token";
    /** A second number, for the test that gets its sender paused. */
    private static final String EXPIRING_SENDER = "109876543211";
    /** Two more numbers whose released messages share one partition of the ready topic. */
    private static final String SLOW_SENDER = "109876543212";
    private static final String NEIGHBOUR_SENDER = senderSharingPartitionWith(SLOW_SENDER);
    /** A number whose pause was reported before this instance started, as if by its predecessor. */
    private static final String RESTARTED_SENDER = "109876543299";
    private static final AtomicInteger RECIPIENTS = new AtomicInteger(100);

    private static MetaSandbox sandbox;
    private static SandboxLedger sandboxLedger;
    private static FakeSchedulerApi schedulerApi;
    private static EventCollector events;
    private static KafkaProducer<String, byte[]> commands;
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    MeterRegistry meters;
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void outsideServices(DynamicPropertyRegistry registry) throws IOException {
        sandbox = MetaSandbox.start(Map.of(
            "sandbox.senders[0].phone-number-id", SENDER,
            "sandbox.senders[0].access-token", ACCESS_TOKEN,
            "sandbox.senders[1].phone-number-id", EXPIRING_SENDER,
            "sandbox.senders[1].access-token", ACCESS_TOKEN,
            "sandbox.senders[2].phone-number-id", SLOW_SENDER,
            "sandbox.senders[2].access-token", ACCESS_TOKEN,
            "sandbox.senders[3].phone-number-id", NEIGHBOUR_SENDER,
            "sandbox.senders[3].access-token", ACCESS_TOKEN,
            "sandbox.senders[4].phone-number-id", RESTARTED_SENDER,
            "sandbox.senders[4].access-token", ACCESS_TOKEN));
        schedulerApi = new FakeSchedulerApi(INTERNAL_TOKEN);
        schedulerApi.sender(SENDER, ACCESS_TOKEN);
        schedulerApi.sender(EXPIRING_SENDER, ACCESS_TOKEN);
        schedulerApi.sender(SLOW_SENDER, ACCESS_TOKEN);
        schedulerApi.sender(NEIGHBOUR_SENDER, ACCESS_TOKEN);
        schedulerApi.sender(RESTARTED_SENDER, ACCESS_TOKEN);
        sandboxLedger = new SandboxLedger(sandbox.baseUrl());
        registry.add("wa.dispatcher.cloud-api-base-url", sandbox::baseUrl);
        registry.add("wa.dispatcher.scheduler-api-base-url", schedulerApi::baseUrl);
        registry.add("wa.dispatcher.instance-id", () -> "it-" + UUID.randomUUID());
        String stateDir = Files.createTempDirectory("dispatcher-state").toString();
        registry.add("wa.dispatcher.state-dir", () -> stateDir);
    }

    @BeforeAll
    static void clients(@Value("${spring.embedded.kafka.brokers}") String brokers) {
        commands = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
            new StringSerializer(), new ByteArraySerializer());
        events = new EventCollector(brokers, List.of(Topics.MESSAGE_OUTCOMES.name(), Topics.SENDER_STATUS.name()));
    }

    @AfterAll
    static void closeAll() throws InterruptedException {
        events.close();
        commands.close();
        schedulerApi.close();
        sandbox.close();
    }

    @Test
    void aMessageDueInTwoSecondsIsSentNotBeforeItsInstantAndExactlyOnce() {
        String to = nextRecipient();
        MessageScheduled message = message(to, Instant.now().plusSeconds(2), 1);
        publish(message);

        await().atMost(Duration.ofSeconds(20)).until(() -> ledger(to).size() == 1);
        assertThat(ledger(to).getFirst().path("acceptedAt").asLong()).isGreaterThanOrEqualTo(message.sendAt().toEpochMilli());
        await().atMost(Duration.ofSeconds(10)).until(() -> dispatched(message.messageId()).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> ledger(to).size() == 1
            && dispatched(message.messageId()).size() == 1);
        assertThat(dispatched(message.messageId()).getFirst().wamid()).isEqualTo(ledger(to).getFirst().path("wamid").asString());
    }

    @Test
    void aMessageDueInThePastIsSentAtOnceRatherThanRejected() {
        String to = nextRecipient();
        MessageScheduled message = message(to, Instant.now().minusSeconds(30), 1);
        publish(message);

        await().atMost(Duration.ofSeconds(10)).until(() -> dispatched(message.messageId()).size() == 1);
        assertThat(ledger(to)).hasSize(1);
    }

    @Test
    void aCancellationBeforeTheInstantWins() {
        String to = nextRecipient();
        MessageScheduled message = message(to, Instant.now().plusSeconds(3), 1);
        double cancelledBefore = dropped("DROP_CANCELLED");
        publish(message);
        publish(new MessageCancelled(message.messageId(), 1, null, SENDER, "changed my mind"));

        await().atMost(Duration.ofSeconds(20)).until(() -> dropped("DROP_CANCELLED") > cancelledBefore);
        assertThat(ledger(to)).isEmpty();
        assertThat(dispatched(message.messageId())).isEmpty();
    }

    @Test
    void aCancellationPublishedOneMillisecondBeforeTheInstantWins() throws InterruptedException {
        String to = nextRecipient();
        MessageScheduled message = message(to, Instant.now().plusSeconds(3), 1);
        double cancelledBefore = dropped("DROP_CANCELLED");
        publish(message);

        Thread.sleep(Duration.between(Instant.now(), message.sendAt().minusMillis(1)));
        publish(new MessageCancelled(message.messageId(), 1, null, SENDER, "changed my mind"));

        await().atMost(Duration.ofSeconds(20)).until(() -> dropped("DROP_CANCELLED") > cancelledBefore);
        assertThat(ledger(to)).isEmpty();
        assertThat(dispatched(message.messageId())).isEmpty();
    }

    @Test
    void anEditToALaterInstantMovesTheReleaseAndOnlyTheNewVersionIsSent() {
        String to = nextRecipient();
        MessageScheduled first = message(to, Instant.now().plusSeconds(2), 1);
        MessageScheduled edited = new MessageScheduled(first.messageId(), 2, null, SENDER, to,
            new TextContent("Edited", false), first.sendAt().plusSeconds(3), 4, Map.of());
        publish(first);
        publish(edited);

        await().atMost(Duration.ofSeconds(20)).until(() -> dispatched(first.messageId()).size() == 1);
        assertThat(ledger(to)).singleElement().satisfies(entry -> {
            assertThat(entry.path("acceptedAt").asLong()).isGreaterThanOrEqualTo(edited.sendAt().toEpochMilli());
            assertThat(entry.path("bizOpaqueCallbackData").asString())
                .isEqualTo(new CallbackData(first.messageId(), 2, null).encode());
        });
        assertThat(dispatched(first.messageId()).getFirst().version()).isEqualTo(2);
    }

    @Test
    void aPermanentErrorFailsTheMessageAtOnceWithMetasCode() {
        MessageScheduled message = message("+12015550100", Instant.now(), 1);
        publish(message);

        await().atMost(Duration.ofSeconds(10)).until(() -> !failures(message.messageId()).isEmpty());
        assertThat(failures(message.messageId())).singleElement().satisfies(failure -> {
            assertThat(failure.finalFailure()).isTrue();
            assertThat(failure.error().code()).isEqualTo(100);
            assertThat(failure.error().title()).isNotBlank();
            assertThat(failure.nextAttemptAt()).isNull();
        });
        assertThat(dispatched(message.messageId())).isEmpty();
    }

    @Test
    void aRetryableErrorIsRetriedThroughTheLadderUntilTheMessageIsSent() {
        MessageScheduled message = message("+12015550500", Instant.now(), 1);
        publish(message);

        await().atMost(Duration.ofSeconds(30)).until(() -> dispatched(message.messageId()).size() == 1);
        List<MessageDispatchFailed> failures = failures(message.messageId());
        assertThat(failures).extracting(MessageDispatchFailed::attempt).containsExactly(1, 2);
        assertThat(failures).allSatisfy(failure -> {
            assertThat(failure.finalFailure()).isFalse();
            assertThat(failure.error().code()).isEqualTo(131000);
        });
        assertThat(dispatched(message.messageId()).getFirst().attempt()).isEqualTo(3);
    }

    @Test
    void anExpiredTokenPausesTheSenderAndKeepsTheMessageForLater() {
        MessageScheduled message = new MessageScheduled(UUID.randomUUID().toString(), 1, null, EXPIRING_SENDER,
            "+12015550190", new TextContent("Hello", false), Instant.now(), 4, Map.of());
        publish(message);

        await().atMost(Duration.ofSeconds(10)).until(() -> events.payloads(SenderStatusChanged.class).stream()
            .anyMatch(change -> change.phoneNumberId().equals(EXPIRING_SENDER)));
        assertThat(events.payloads(SenderStatusChanged.class)).filteredOn(c -> c.phoneNumberId().equals(EXPIRING_SENDER))
            .singleElement().satisfies(change -> {
                assertThat(change.state()).isEqualTo(SenderStatusChanged.SenderState.PAUSED);
                assertThat(change.lastError().code()).isEqualTo(190);
            });
        await().atMost(Duration.ofSeconds(10)).until(() -> !failures(message.messageId()).isEmpty());
        assertThat(failures(message.messageId())).singleElement().satisfies(failure -> {
            assertThat(failure.finalFailure()).isFalse();
            assertThat(failure.nextAttemptAt()).isAfter(Instant.now().plusSeconds(30));
        });
    }

    @Test
    void messagesHeldInATierAreReleasedOnceAtTheirInstantAcrossARebalanceOfThatTier(
        @Value("${spring.embedded.kafka.brokers}") String brokers) {
        Instant sendAt = Instant.now().plusSeconds(7);
        List<MessageScheduled> messages = IntStream.range(0, 6)
            .mapToObj(i -> message(nextRecipient(), sendAt, 1)).toList();
        messages.forEach(DispatcherIntegrationTest::publish);
        String fourSecondTier = Topics.delayTier(Duration.ofSeconds(4)).name();
        await().atMost(Duration.ofSeconds(5)).until(() -> heldIn("tier-4s") > 0);

        // another member joins the tier's group, takes partitions (held ones among them) and leaves uncommitted
        try (KafkaConsumer<String, byte[]> intruder = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
            ConsumerConfig.GROUP_ID_CONFIG, "wa-dispatcher-tier-4s",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            intruder.subscribe(List.of(fourSecondTier));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                intruder.poll(Duration.ofMillis(100));
                return !intruder.assignment().isEmpty();
            });
        }

        for (MessageScheduled message : messages) {
            await().atMost(Duration.ofSeconds(30)).until(() -> ledger(message.to()).size() == 1);
            assertThat(ledger(message.to()).getFirst().path("acceptedAt").asLong())
                .isGreaterThanOrEqualTo(sendAt.toEpochMilli());
        }
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
            .until(() -> messages.stream().allMatch(message -> ledger(message.to()).size() == 1));
    }

    @Test
    void aSendersMessagesDueWithinASecondWaitInATierTogetherAndAreEachSentOnce(
        @Value("${spring.embedded.kafka.brokers}") String brokers) {
        Instant sendAt = Instant.now().plusSeconds(7);
        List<MessageScheduled> messages = IntStream.range(0, 6)
            .mapToObj(i -> message(nextRecipient(), sendAt.plusMillis(100L * i), 1)).toList();
        messages.forEach(DispatcherIntegrationTest::publish);

        List<ConsumerRecord<String, byte[]>> held =
            recordsHolding(brokers, Topics.delayTier(Duration.ofSeconds(4)).name(), messages);

        assertThat(held).as("fewer tier records than messages").hasSizeLessThan(messages.size())
            .anySatisfy(record -> assertThat(record.headers().lastHeader("wa-paced-batch")).isNotNull());
        for (MessageScheduled message : messages) {
            await().atMost(Duration.ofSeconds(30)).until(() -> ledger(message.to()).size() == 1);
        }
    }

    @Test
    void aTierFedSteadilyFetchesEachRecordOnceWhileItHoldsThem() throws InterruptedException {
        double fetchedBefore = fetchedBy("tier-1s");
        List<MessageScheduled> messages = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            // each due 1.5 s after it is published: it waits in the 1 s tier, which receives one every 10 ms
            MessageScheduled message = message(nextRecipient(), Instant.now().plusMillis(1_500), 1);
            messages.add(message);
            publish(message);
            Thread.sleep(10);
        }

        for (MessageScheduled message : messages) {
            await().atMost(Duration.ofSeconds(30)).until(() -> ledger(message.to()).size() == 1);
        }
        assertThat(fetchedBy("tier-1s") - fetchedBefore)
            .as("records the 1 s tier fetched to hold and release %d messages", messages.size())
            .isLessThan(2.0 * messages.size());
    }

    @Test
    void aPausedCampaignHoldsItsDueMessagesUntilItIsResumed() {
        String campaignId = "campaign-" + UUID.randomUUID();
        String to = nextRecipient();
        MessageScheduled message = new MessageScheduled(UUID.randomUUID().toString(), 1, campaignId, SENDER, to,
            new TextContent("Hello", false), Instant.now().plusSeconds(1), 4, Map.of());
        double heldBackBefore = counted("wa.dispatcher.release.held-back", "HOLD_CAMPAIGN_PAUSED");
        publish(Topics.CAMPAIGN_EVENTS, new CampaignPaused(campaignId));
        publish(message);

        await().atMost(Duration.ofSeconds(20))
            .until(() -> counted("wa.dispatcher.release.held-back", "HOLD_CAMPAIGN_PAUSED") > heldBackBefore);
        assertThat(ledger(to)).isEmpty();

        Instant resumedAt = Instant.now();
        publish(Topics.CAMPAIGN_EVENTS, new CampaignResumed(campaignId));
        await().atMost(Duration.ofSeconds(20)).until(() -> ledger(to).size() == 1);
        assertThat(ledger(to).getFirst().path("acceptedAt").asLong()).isGreaterThanOrEqualTo(resumedAt.toEpochMilli());
        assertThat(ledger(to).getFirst().path("bizOpaqueCallbackData").asString())
            .isEqualTo(new CallbackData(message.messageId(), 1, campaignId).encode());
    }

    @Test
    void aSendersBacklogDoesNotHoldUpAnotherSenderOnTheSamePartition(@Autowired SenderDirectory senders) {
        publish(Topics.SENDER_CONFIG, new SenderConfigured(SLOW_SENDER, "tenant-1", 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> senders.throughputOf(SLOW_SENDER).orElse(0) == 1);
        List<MessageScheduled> backlog = IntStream.range(0, 4).mapToObj(i -> new MessageScheduled(
            UUID.randomUUID().toString(), 1, null, SLOW_SENDER, nextRecipient(), new TextContent("Hi", false),
            Instant.now(), 4, Map.of())).toList();
        MessageScheduled neighbour = new MessageScheduled(UUID.randomUUID().toString(), 1, null, NEIGHBOUR_SENDER,
            nextRecipient(), new TextContent("Hi", false), Instant.now(), 4, Map.of());
        backlog.forEach(DispatcherIntegrationTest::publish);
        publish(neighbour);

        await().atMost(Duration.ofSeconds(30)).until(() -> backlog.stream().allMatch(m -> ledger(m.to()).size() == 1));
        long lastOfBacklog = backlog.stream().mapToLong(m -> ledger(m.to()).getFirst().path("acceptedAt").asLong())
            .max().orElseThrow();
        long firstOfBacklog = backlog.stream().mapToLong(m -> ledger(m.to()).getFirst().path("acceptedAt").asLong())
            .min().orElseThrow();
        assertThat(ledger(neighbour.to())).singleElement()
            .satisfies(entry -> assertThat(entry.path("acceptedAt").asLong()).isLessThan(lastOfBacklog));
        assertThat(lastOfBacklog - firstOfBacklog).as("four sends at one per second span three seconds")
            .isGreaterThanOrEqualTo(2_500);
    }

    @Test
    void aSenderPausedBeforeARestartStaysPausedAndItsResumeIsReportedWhenItIsReconfigured(
        @Autowired SenderDirectory senders) {
        publish(Topics.SENDER_STATUS, new SenderStatusChanged(RESTARTED_SENDER, SenderStatusChanged.SenderState.PAUSED,
            "Spam rate limit hit", new MetaError(131048, "Spam rate limit hit", null), Instant.now()));
        await().atMost(Duration.ofSeconds(10)).until(() -> senders.pausedNow(RESTARTED_SENDER));
        MessageScheduled message = new MessageScheduled(UUID.randomUUID().toString(), 1, null, RESTARTED_SENDER,
            nextRecipient(), new TextContent("Hi", false), Instant.now(), 4, Map.of());
        publish(message);

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> ledger(message.to()).isEmpty());
        publish(Topics.SENDER_CONFIG, new SenderConfigured(RESTARTED_SENDER, "tenant-1", 80));
        await().atMost(Duration.ofSeconds(10)).until(() -> events.payloads(SenderStatusChanged.class).stream()
            .anyMatch(change -> change.phoneNumberId().equals(RESTARTED_SENDER)
                && change.state() == SenderStatusChanged.SenderState.ACTIVE));
        assertThat(senders.pausedNow(RESTARTED_SENDER)).isFalse();
    }

    @Test
    void theHealthEndpointReportsKafkaAndTheLatestCommandsUp() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());

        JsonNode health = EventCodec.mapper().readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("kafka").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("latestCommands").path("status").asString()).isEqualTo("UP");
    }

    private static String senderSharingPartitionWith(String sender) {
        for (long candidate = Long.parseLong(sender) + 1; ; candidate++) {
            if (readyPartition(Long.toString(candidate)) == readyPartition(sender)) {
                return Long.toString(candidate);
            }
        }
    }

    /** The partition Kafka's default partitioner picks for a key. */
    private static int readyPartition(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % Topics.DISPATCH_READY.partitions();
    }

    private static String nextRecipient() {
        return "+1415555" + String.format("%04d", RECIPIENTS.incrementAndGet());
    }

    private static MessageScheduled message(String to, Instant sendAt, long version) {
        return new MessageScheduled(UUID.randomUUID().toString(), version, null, SENDER, to,
            new TextContent("Hello", false), sendAt, 4, Map.of());
    }

    private static void publish(EventPayload command) {
        publish(Topics.MESSAGE_COMMANDS, command);
    }

    private static void publish(TopicSpec topic, EventPayload payload) {
        EventEnvelope envelope = EventEnvelope.of("tenant-1", payload, Clock.systemUTC());
        commands.send(new ProducerRecord<>(topic.name(), envelope.key(), EventCodec.encode(envelope)));
        commands.flush();
    }

    /** The committed records of {@code topic} that hold any of {@code messages}, once every one of them is held. */
    private static List<ConsumerRecord<String, byte[]>> recordsHolding(String brokers, String topic,
                                                                    List<MessageScheduled> messages) {
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> holding = new ArrayList<>();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                reader.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (messages.stream().anyMatch(message -> holds(record, message))) {
                        holding.add(record);
                    }
                });
                return messages.stream().allMatch(message -> holding.stream().anyMatch(record -> holds(record, message)));
            });
            return holding;
        }
    }

    /** A plain tier record's value is the message's command, a batch's holds its members' ids and commands. */
    private static boolean holds(ConsumerRecord<String, byte[]> record, MessageScheduled message) {
        return new String(record.value(), StandardCharsets.ISO_8859_1).contains(message.messageId());
    }

    private static List<JsonNode> ledger(String to) {
        return sandboxLedger.sentTo(to);
    }

    private static List<MessageDispatched> dispatched(String messageId) {
        return events.payloads(MessageDispatched.class).stream().filter(d -> d.messageId().equals(messageId)).toList();
    }

    private static List<MessageDispatchFailed> failures(String messageId) {
        return events.payloads(MessageDispatchFailed.class).stream().filter(f -> f.messageId().equals(messageId)).toList();
    }

    private double heldIn(String stage) {
        return meters.find("wa.dispatcher.tier.held").tag("stage", stage).gauges().stream()
            .mapToDouble(gauge -> gauge.value()).sum();
    }

    private double fetchedBy(String stage) {
        return meters.find("wa.dispatcher.tier.fetched").tag("stage", stage).counters().stream()
            .mapToDouble(counter -> counter.count()).sum();
    }

    private double dropped(String reason) {
        return counted("wa.dispatcher.release.dropped", reason);
    }

    private double counted(String meter, String reason) {
        return meters.find(meter).tag("reason", reason).counters().stream().mapToDouble(counter -> counter.count()).sum();
    }
}
