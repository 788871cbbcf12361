package io.wascheduler.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.wascheduler.dispatcher.errors.MetaErrorTable;
import io.wascheduler.dispatcher.sender.SenderDirectory;
import io.wascheduler.dispatcher.support.EventCollector;
import io.wascheduler.dispatcher.support.FakeSchedulerApi;
import io.wascheduler.dispatcher.support.InProcessDispatcher;
import io.wascheduler.dispatcher.support.SandboxAdmin;
import io.wascheduler.model.content.TextContent;
import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.EventPayload;
import io.wascheduler.model.event.MessageDispatchFailed;
import io.wascheduler.model.event.MessageDispatched;
import io.wascheduler.model.event.MessageScheduled;
import io.wascheduler.model.event.SenderConfigured;
import io.wascheduler.model.event.SenderStatusChanged;
import io.wascheduler.model.event.SenderStatusChanged.SenderState;
import io.wascheduler.model.topic.TopicSpec;
import io.wascheduler.model.topic.Topics;
import io.wascheduler.sandbox.MetaSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Sending under Meta's answers, on a real broker (embedded KRaft) with the real sandbox in-process: the magic
 * recipients, a storm of 130429, a sender paused by Meta and resumed by a new configuration, and a second
 * dispatcher instance joining while a sender has a backlog. Each test has its own business number, so the
 * sandbox's ledger and stats per number are each test's ground truth.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "wa.dispatcher.tiers=1s,2s,4s",
    "wa.dispatcher.internal-token=" + SendingIntegrationTest.INTERNAL_TOKEN,
    "wa.dispatcher.retry.initial-backoff=200ms",
    "wa.dispatcher.sending.request-timeout=2s",
    "wa.dispatcher.sending.paused-sender-recheck=1s",
    "wa.dispatcher.sending.answer-check-delay=1s"})
@EmbeddedKafka(count = 1, brokerProperties = {
    "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
    "transaction.state.log.num.partitions=4", "offsets.topic.num.partitions=4",
    "group.initial.rebalance.delay.ms=0"})
class SendingIntegrationTest {

    static final String INTERNAL_TOKEN = "internal-test-token";
    private static final String ACCESS_TOKEN = "sandbox-access-token";
    private static final String MAGIC_SENDER = "109876543230";
    private static final String STORM_SENDER = "109876543231";
    private static final String TWIN_SENDER = "109876543232";
    private static final int STORM_RATE = 40;
    private static final int TWIN_RATE = 10;
    /** Sends the ledger may count in the second after the one they were sent in, when request latency jumps. */
    private static final int ARRIVAL_JITTER = 2;
    private static final int JITTER_SPAN_SECONDS = 5;
    private static final List<String> PAUSING_CODES = List.of("131048", "368", "190");
    private static final AtomicInteger RECIPIENTS = new AtomicInteger(0);

    private static MetaSandbox sandbox;
    private static SandboxAdmin sandboxAdmin;
    private static FakeSchedulerApi schedulerApi;
    private static EventCollector events;
    private static KafkaProducer<String, byte[]> commands;

    @Autowired
    MeterRegistry meters;
    @Autowired
    SenderDirectory directory;

    @DynamicPropertySource
    static void outsideServices(DynamicPropertyRegistry registry) throws IOException {
        Map<String, Integer> senders = new LinkedHashMap<>();
        senders.put(MAGIC_SENDER, 80);
        senders.put(STORM_SENDER, STORM_RATE);
        senders.put(TWIN_SENDER, TWIN_RATE);
        PAUSING_CODES.forEach(code -> senders.put(pausedSender(code), 80));
        Map<String, String> settings = new HashMap<>(Map.of("sandbox.magic.timeout-hold", "4s"));
        schedulerApi = new FakeSchedulerApi(INTERNAL_TOKEN);
        int index = 0;
        for (var sender : senders.entrySet()) {
            settings.put("sandbox.senders[" + index + "].phone-number-id", sender.getKey());
            settings.put("sandbox.senders[" + index + "].access-token", ACCESS_TOKEN);
            settings.put("sandbox.senders[" + index + "].throughput-mps", sender.getValue().toString());
            schedulerApi.sender(sender.getKey(), ACCESS_TOKEN);
            index++;
        }
        sandbox = MetaSandbox.start(settings);
        sandboxAdmin = new SandboxAdmin(sandbox.baseUrl());
        registry.add("wa.dispatcher.cloud-api-base-url", sandbox::baseUrl);
        registry.add("wa.dispatcher.scheduler-api-base-url", schedulerApi::baseUrl);
        registry.add("wa.dispatcher.instance-id", () -> "sending-" + UUID.randomUUID());
        String stateDir = Files.createTempDirectory("dispatcher-sending").toString();
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
    void everyMagicRecipientEndsInTheStateTheSandboxDocuments() {
        List<String> acceptedThenReportedByWebhook = List.of("+12015551026", "+12015551047", "+12015551048",
            "+12015551049", "+12015551009", "+12015559999");
        Map<String, MessageScheduled> byRecipient = Stream.concat(acceptedThenReportedByWebhook.stream(),
                Stream.of("+12015550100", "+12015550500", "+12015550408"))
            .collect(Collectors.toMap(to -> to, to -> message(MAGIC_SENDER, to)));
        byRecipient.values().forEach(SendingIntegrationTest::publish);

        for (String to : acceptedThenReportedByWebhook) {
            String messageId = byRecipient.get(to).messageId();
            await().atMost(Duration.ofSeconds(20)).until(() -> dispatched(messageId).size() == 1);
            assertThat(failures(messageId)).as("accepted by the Cloud API: its failure, if any, comes by webhook").isEmpty();
        }
        String invalid = byRecipient.get("+12015550100").messageId();
        await().atMost(Duration.ofSeconds(20)).until(() -> !failures(invalid).isEmpty());
        assertThat(failures(invalid)).singleElement().satisfies(failure -> {
            assertThat(failure.finalFailure()).isTrue();
            assertThat(failure.error().code()).isEqualTo(100);
        });
        String serverError = byRecipient.get("+12015550500").messageId();
        await().atMost(Duration.ofSeconds(30)).until(() -> dispatched(serverError).size() == 1);
        assertThat(failures(serverError)).extracting(f -> f.error().code()).containsExactly(131000, 131000);
        assertThat(dispatched(serverError).getFirst().attempt()).isEqualTo(3);
        String timeout = byRecipient.get("+12015550408").messageId();
        await().atMost(Duration.ofSeconds(30)).until(() -> dispatched(timeout).size() == 1);
        assertThat(failures(timeout)).singleElement().satisfies(failure -> {
            assertThat(failure.finalFailure()).isFalse();
            assertThat(failure.error().code()).as("no answer in time: unconfirmed, Meta may have taken it")
                .isEqualTo(MetaErrorTable.ANSWER_LOST);
        });
        assertThat(dispatched(timeout).getFirst().attempt()).isEqualTo(2);
        assertThat(dispatched(invalid)).isEmpty();
    }

    @Test
    void aStormOf130429SlowsTheSenderDownThenItRecoversItsFullRateAndNoMessageIsLost() {
        configure(STORM_SENDER, STORM_RATE);
        sandboxAdmin.faults(Map.of(STORM_SENDER, Map.of("errorRate", 1.0, "errorCode", 130429)));
        List<MessageScheduled> backlog = IntStream.range(0, 400).mapToObj(i -> message(STORM_SENDER, nextRecipient()))
            .toList();
        backlog.forEach(SendingIntegrationTest::publish);

        await().atMost(Duration.ofSeconds(20)).until(() -> allowedRate(STORM_SENDER) < STORM_RATE);
        sandboxAdmin.faults(Map.of());
        assertThat(sandboxAdmin.errors(STORM_SENDER, 130429)).isPositive();

        await().atMost(Duration.ofSeconds(60)).until(() -> sandboxAdmin.sentBy(STORM_SENDER).size() >= backlog.size());
        await().atMost(Duration.ofSeconds(30)).until(() -> allowedRate(STORM_SENDER) == STORM_RATE);
        assertThat(sandboxAdmin.sentBy(STORM_SENDER)).extracting(entry -> entry.path("to").asString())
            .as("every message sent once").containsExactlyInAnyOrderElementsOf(backlog.stream().map(MessageScheduled::to).toList());
        await().atMost(Duration.ofSeconds(10))
            .until(() -> backlog.stream().allMatch(message -> dispatched(message.messageId()).size() == 1));
    }

    @ParameterizedTest(name = "error {0}")
    @ValueSource(strings = {"131048", "368", "190"})
    void aSenderPausedByMetaWaitsUntilANewConfigurationResumesIt(String code) {
        String sender = pausedSender(code);
        sandboxAdmin.faults(Map.of(sender, Map.of("errorRate", 1.0, "errorCode", Integer.parseInt(code))));
        MessageScheduled first = message(sender, nextRecipient());
        publish(first);

        await().atMost(Duration.ofSeconds(20)).until(() -> statusChanges(sender).size() == 1);
        assertThat(statusChanges(sender).getFirst()).satisfies(change -> {
            assertThat(change.state()).isEqualTo(SenderState.PAUSED);
            assertThat(change.lastError().code()).isEqualTo(Integer.parseInt(code));
        });
        sandboxAdmin.faults(Map.of());
        MessageScheduled second = message(sender, nextRecipient());
        publish(second);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
            .until(() -> sandboxAdmin.sentBy(sender).isEmpty());

        publish(Topics.SENDER_CONFIG, new SenderConfigured(sender, "tenant-1", 80));
        await().atMost(Duration.ofSeconds(20)).until(() -> statusChanges(sender).size() == 2);
        assertThat(statusChanges(sender).getLast().state()).isEqualTo(SenderState.ACTIVE);
        await().atMost(Duration.ofSeconds(20)).until(() -> sandboxAdmin.sentBy(sender).size() == 2);
        assertThat(failures(first.messageId())).singleElement()
            .satisfies(failure -> assertThat(failure.finalFailure()).isFalse());
        await().atMost(Duration.ofSeconds(10))
            .until(() -> dispatched(first.messageId()).size() == 1 && dispatched(second.messageId()).size() == 1);
    }

    @Test
    void aSecondInstanceJoiningWhileASenderHasABacklogNeverPushesItAboveItsRate(
        @Value("${spring.embedded.kafka.brokers}") String brokers) throws Exception {
        configure(TWIN_SENDER, TWIN_RATE);
        List<MessageScheduled> backlog = IntStream.range(0, 80).mapToObj(i -> message(TWIN_SENDER, nextRecipient()))
            .toList();
        backlog.forEach(SendingIntegrationTest::publish);
        await().atMost(Duration.ofSeconds(20)).until(() -> sandboxAdmin.sentBy(TWIN_SENDER).size() >= TWIN_RATE);

        try (ConfigurableApplicationContext second = InProcessDispatcher.start(brokers, sandbox.baseUrl(),
                 schedulerApi.baseUrl(), INTERNAL_TOKEN, "second-" + UUID.randomUUID(),
                 InProcessDispatcher.newStateDir("dispatcher-second"));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> admin.describeConsumerGroups(List.of("wa-dispatcher-send"))
                .all().get().get("wa-dispatcher-send").members().size() == 2);
            await().atMost(Duration.ofSeconds(60)).until(() -> sandboxAdmin.sentBy(TWIN_SENDER).size() >= backlog.size());
        }

        List<JsonNode> sent = sandboxAdmin.sentBy(TWIN_SENDER);
        assertThat(sent).extracting(entry -> entry.path("to").asString()).as("every message sent once")
            .containsExactlyInAnyOrderElementsOf(backlog.stream().map(MessageScheduled::to).toList());
        Map<Long, Long> acceptedPerSecond = sent.stream()
            .collect(Collectors.groupingBy(entry -> entry.path("acceptedAt").asLong() / 1000, Collectors.counting()));
        // two owners would send about twice the rate in every second of the handover; what the ledger may show above
        // the rate without that is requests sent in one second and arriving in the next, their latency grown by a
        // second dispatcher starting in this JVM (12 in one second, 10 on either side, seen once in six runs)
        assertThat(acceptedPerSecond.values()).allSatisfy(count ->
            assertThat(count).isLessThanOrEqualTo(TWIN_RATE + ARRIVAL_JITTER));
        long first = Collections.min(acceptedPerSecond.keySet());
        long last = Collections.max(acceptedPerSecond.keySet());
        for (long second = first; second <= last; second++) {
            long from = second;
            long inSpan = acceptedPerSecond.entrySet().stream()
                .filter(count -> count.getKey() >= from && count.getKey() < from + JITTER_SPAN_SECONDS)
                .mapToLong(Map.Entry::getValue).sum();
            assertThat(inSpan).as("accepted in the %d s from %d", JITTER_SPAN_SECONDS, from)
                .isLessThanOrEqualTo(TWIN_RATE * JITTER_SPAN_SECONDS + ARRIVAL_JITTER);
        }
        assertThat(sandboxAdmin.errors(TWIN_SENDER, 130429)).isZero();
    }

    private void configure(String sender, int throughputMps) {
        publish(Topics.SENDER_CONFIG, new SenderConfigured(sender, "tenant-1", throughputMps));
        await().atMost(Duration.ofSeconds(10)).until(() -> directory.throughputOf(sender).orElse(0) == throughputMps);
    }

    private double allowedRate(String sender) {
        return meters.find("wa.dispatcher.sender.rate.allowed").tag("sender", sender).gauges().stream()
            .mapToDouble(gauge -> gauge.value()).findFirst().orElse(Double.NaN);
    }

    /** One number per pausing code, so that each case starts with an active sender. */
    private static String pausedSender(String code) {
        return "1098765433" + code.substring(code.length() - 2);
    }

    private static String nextRecipient() {
        return "+1415556" + String.format("%04d", RECIPIENTS.incrementAndGet());
    }

    private static MessageScheduled message(String sender, String to) {
        return new MessageScheduled(UUID.randomUUID().toString(), 1, null, sender, to, new TextContent("Hello", false),
            Instant.now(), 4, Map.of());
    }

    private static void publish(MessageScheduled message) {
        publish(Topics.MESSAGE_COMMANDS, message);
    }

    private static void publish(TopicSpec topic, EventPayload payload) {
        EventEnvelope envelope = EventEnvelope.of("tenant-1", payload, Clock.systemUTC());
        commands.send(new ProducerRecord<>(topic.name(), envelope.key(), EventCodec.encode(envelope)));
        commands.flush();
    }

    private static List<MessageDispatched> dispatched(String messageId) {
        return events.payloads(MessageDispatched.class).stream().filter(d -> d.messageId().equals(messageId)).toList();
    }

    private static List<MessageDispatchFailed> failures(String messageId) {
        return events.payloads(MessageDispatchFailed.class).stream().filter(f -> f.messageId().equals(messageId)).toList();
    }

    private static List<SenderStatusChanged> statusChanges(String sender) {
        return events.payloads(SenderStatusChanged.class).stream().filter(c -> c.phoneNumberId().equals(sender)).toList();
    }
}
