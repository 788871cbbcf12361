package io.wascheduler.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.wascheduler.dispatcher.command.CommandFields;
import io.wascheduler.dispatcher.ladder.LadderRecord;
import io.wascheduler.dispatcher.support.FakeSchedulerApi;
import io.wascheduler.dispatcher.support.InProcessDispatcher;
import io.wascheduler.dispatcher.support.SandboxLedger;
import io.wascheduler.model.content.TextContent;
import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.MessageScheduled;
import io.wascheduler.model.topic.Topics;
import io.wascheduler.sandbox.MetaSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * A dispatcher stopped while messages are held in the ladder, and another started in its place (same
 * instance id and state directory, as after a restart): every message still goes out once, at or after
 * its instant, including one scheduled while no dispatcher was running, and a message sent before the
 * restart and released again (as a crashed stage may do) is not sent twice.
 */
@EmbeddedKafka(count = 1, brokerProperties = {
    "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
    "transaction.state.log.num.partitions=4", "offsets.topic.num.partitions=4",
    "group.initial.rebalance.delay.ms=0"})
class DispatcherRestartTest {

    private static final String INTERNAL_TOKEN = "internal-test-token";
    private static final String SENDER = "109876543220";
    private static final String ACCESS_TOKEN = "sandbox-access-token";

    private static MetaSandbox sandbox;
    private static FakeSchedulerApi schedulerApi;
    private static SandboxLedger ledger;
    private static KafkaProducer<String, byte[]> commands;
    private static Path stateDir;

    @BeforeAll
    static void outsideServices(EmbeddedKafkaBroker broker) throws Exception {
        sandbox = MetaSandbox.start(Map.of(
            "sandbox.senders[0].phone-number-id", SENDER, "sandbox.senders[0].access-token", ACCESS_TOKEN));
        ledger = new SandboxLedger(sandbox.baseUrl());
        schedulerApi = new FakeSchedulerApi(INTERNAL_TOKEN);
        schedulerApi.sender(SENDER, ACCESS_TOKEN);
        commands = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
            new StringSerializer(), new ByteArraySerializer());
        stateDir = Files.createTempDirectory("dispatcher-restart");
    }

    @AfterAll
    static void closeAll() {
        commands.close();
        schedulerApi.close();
        sandbox.close();
    }

    @Test
    void aRestartNeitherLosesNorDuplicatesMessages(EmbeddedKafkaBroker broker) {
        Instant sendAt;
        List<MessageScheduled> held;
        MessageScheduled whileDown;
        MessageScheduled sentBefore = message("+14155550298", Instant.now());
        try (ConfigurableApplicationContext first = startDispatcher(broker)) {
            MeterRegistry meters = first.getBean(MeterRegistry.class);
            publish(sentBefore);
            await().atMost(Duration.ofSeconds(20)).until(() -> ledger.sentTo(sentBefore.to()).size() == 1);
            sendAt = Instant.now().plusSeconds(8);
            held = IntStream.range(0, 5).mapToObj(i -> message("+141555502" + String.format("%02d", i), sendAt)).toList();
            held.forEach(DispatcherRestartTest::publish);
            await().atMost(Duration.ofSeconds(20)).until(() -> meters.find("wa.dispatcher.tier.held").tag("stage", "tier-4s")
                .gauges().stream().mapToDouble(gauge -> gauge.value()).sum() > 0);
        }
        whileDown = message("+14155550299", Instant.now());
        publish(whileDown);
        releaseAgain(sentBefore);

        try (ConfigurableApplicationContext second = startDispatcher(broker)) {
            MeterRegistry meters = second.getBean(MeterRegistry.class);
            await().atMost(Duration.ofSeconds(30))
                .until(() -> meters.counter("wa.dispatcher.send.duplicates-skipped").count() >= 1);
            assertThat(ledger.sentTo(sentBefore.to())).hasSize(1);
            for (MessageScheduled message : held) {
                await().atMost(Duration.ofSeconds(30)).until(() -> ledger.sentTo(message.to()).size() == 1);
                assertThat(ledger.sentTo(message.to()).getFirst().path("acceptedAt").asLong())
                    .isGreaterThanOrEqualTo(sendAt.toEpochMilli());
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> ledger.sentTo(whileDown.to()).size() == 1);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> held.stream()
                .allMatch(message -> ledger.sentTo(message.to()).size() == 1));
        }
    }

    /**
     * Started like the real service. Its own reactor resources, so that closing it does not dispose the
     * global ones the in-process sandbox serves with (what {@code @SpringBootTest} arranges by itself).
     */
    /** What a ladder stage re-releases after a crash: the same attempt of the same message, once more. */
    private static void releaseAgain(MessageScheduled message) {
        EventEnvelope envelope = EventEnvelope.of("tenant-1", message, Clock.systemUTC());
        byte[] encoded = EventCodec.encode(envelope);
        LadderRecord record = LadderRecord.firstAttempt(CommandFields.read(encoded), encoded);
        commands.send(new ProducerRecord<>(Topics.DISPATCH_READY.name(), null, message.senderId(), encoded,
            record.headers()));
        commands.flush();
    }

    private static ConfigurableApplicationContext startDispatcher(EmbeddedKafkaBroker broker) {
        return InProcessDispatcher.start(broker.getBrokersAsString(), sandbox.baseUrl(), schedulerApi.baseUrl(),
            INTERNAL_TOKEN, "restart-test", stateDir);
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
