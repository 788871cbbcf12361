package io.wascheduler.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.wascheduler.dispatcher.support.FakeSchedulerApi;
import io.wascheduler.dispatcher.support.InProcessDispatcher;
import io.wascheduler.dispatcher.support.SandboxLedger;
import io.wascheduler.model.content.TextContent;
import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.MessageScheduled;
import io.wascheduler.model.topic.Topics;
import io.wascheduler.sandbox.MetaSandbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Two dispatcher instances share the ladder's partitions; one is stopped while messages are held: the other
 * takes its partitions over and every message still goes out once, never before its instant.
 */
@EmbeddedKafka(count = 1, brokerProperties = {
    "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
    "transaction.state.log.num.partitions=4", "offsets.topic.num.partitions=4",
    "group.initial.rebalance.delay.ms=0"})
class DispatcherTwoInstancesTest {

    private static final String INTERNAL_TOKEN = "internal-test-token";
    private static final String SENDER = "109876543240";
    private static final String ACCESS_TOKEN = "sandbox-access-token";

    private static MetaSandbox sandbox;
    private static FakeSchedulerApi schedulerApi;
    private static SandboxLedger ledger;
    private static KafkaProducer<String, byte[]> commands;

    @BeforeAll
    static void outsideServices(EmbeddedKafkaBroker broker) throws Exception {
        sandbox = MetaSandbox.start(Map.of(
            "sandbox.senders[0].phone-number-id", SENDER, "sandbox.senders[0].access-token", ACCESS_TOKEN));
        ledger = new SandboxLedger(sandbox.baseUrl());
        schedulerApi = new FakeSchedulerApi(INTERNAL_TOKEN);
        schedulerApi.sender(SENDER, ACCESS_TOKEN);
        commands = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
            new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void closeAll() {
        commands.close();
        schedulerApi.close();
        sandbox.close();
    }

    @Test
    void whenOneOfTwoInstancesStopsTheOtherReleasesEveryHeldMessageOnceAndNotEarly(EmbeddedKafkaBroker broker)
            throws Exception {
        try (ConfigurableApplicationContext staying = startDispatcher(broker, "staying")) {
            List<MessageScheduled> messages;
            try (ConfigurableApplicationContext leaving = startDispatcher(broker, "leaving")) {
                MeterRegistry leavingMeters = leaving.getBean(MeterRegistry.class);
                Instant first = Instant.now().plusSeconds(6);
                messages = IntStream.range(0, 12)
                    .mapToObj(i -> message("+14155554" + String.format("%03d", i), first.plusMillis(i * 500L))).toList();
                messages.forEach(DispatcherTwoInstancesTest::publish);
                await().atMost(Duration.ofSeconds(20)).until(() -> leavingMeters.find("wa.dispatcher.tier.held").gauges()
                    .stream().mapToDouble(gauge -> gauge.value()).sum() > 0);
            }
            for (MessageScheduled message : messages) {
                await().atMost(Duration.ofSeconds(60)).until(() -> ledger.sentTo(message.to()).size() >= 1);
                assertThat(ledger.sentTo(message.to()).getFirst().path("acceptedAt").asLong())
                    .isGreaterThanOrEqualTo(message.sendAt().toEpochMilli());
            }
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> messages.stream().allMatch(message -> ledger.sentTo(message.to()).size() == 1));
        }
    }

    private static ConfigurableApplicationContext startDispatcher(EmbeddedKafkaBroker broker, String instance) {
        return InProcessDispatcher.start(broker.getBrokersAsString(), sandbox.baseUrl(), schedulerApi.baseUrl(),
            INTERNAL_TOKEN, "two-instances-" + instance, InProcessDispatcher.newStateDir("dispatcher-" + instance));
    }

    private static MessageScheduled message(String to, Instant sendAt) {
        return new MessageScheduled(UUID.randomUUID().toString(), 1, null, SENDER, to, new TextContent("Hello", false),
            sendAt, 4, Map.of());
    }

    private static void publish(MessageScheduled message) {
        EventEnvelope envelope = EventEnvelope.of("tenant-1", message, Clock.systemUTC());
        commands.send(new ProducerRecord<>(Topics.MESSAGE_COMMANDS.name(), envelope.key(), EventCodec.encode(envelope)));
        commands.flush();
    }
}
