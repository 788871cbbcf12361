package io.wascheduler.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wascheduler.dispatcher.support.DispatcherProcess;
import io.wascheduler.dispatcher.support.FakeSchedulerApi;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * A dispatcher process killed with SIGKILL while messages sit in its delay tiers and in its release timer,
 * then a new process started in its place: every message reaches the sandbox exactly once, never before
 * its instant. Nothing of the first process gets a chance to clean up: its open transactions are aborted by
 * the broker when the new one fences them, its group membership expires.
 */
@EmbeddedKafka(count = 1, brokerProperties = {
    "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
    "transaction.state.log.num.partitions=4", "offsets.topic.num.partitions=4",
    "group.initial.rebalance.delay.ms=0"})
class DispatcherHardKillTest {

    private static final String INTERNAL_TOKEN = "internal-test-token";
    private static final String SENDER = "109876543230";
    private static final String ACCESS_TOKEN = "sandbox-access-token";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

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
        stateDir = Files.createTempDirectory("dispatcher-hard-kill");
    }

    @AfterAll
    static void closeAll() {
        commands.close();
        schedulerApi.close();
        sandbox.close();
    }

    @Test
    void aDispatcherKilledWhileMessagesAreHeldInTiersAndTheReleaseTimerLosesAndDuplicatesNothing(
            EmbeddedKafkaBroker broker) {
        MessageScheduled sentBeforeTheKill = message(0, Instant.now());
        List<MessageScheduled> held = new ArrayList<>();
        try (DispatcherProcess first = startDispatcher(broker, "first")) {
            publish(sentBeforeTheKill);
            await().atMost(START_TIMEOUT).until(() -> ledger.sentTo(sentBeforeTheKill.to()).size() == 1);

            Instant soon = Instant.now().plusSeconds(2);
            for (int i = 1; i <= 10; i++) {
                held.add(message(i, soon.plusMillis(i * 150L)));
            }
            for (int i = 11; i <= 15; i++) {
                held.add(message(i, soon.plusSeconds(i - 5)));
            }
            held.forEach(DispatcherHardKillTest::publish);
            await().pollInterval(Duration.ofMillis(20)).atMost(Duration.ofSeconds(30))
                .until(() -> first.metric("wa.dispatcher.release.waiting") > 0 && first.metric("wa.dispatcher.tier.held") > 0);
            first.kill();
        }

        try (DispatcherProcess second = startDispatcher(broker, "second")) {
            for (MessageScheduled message : held) {
                await().atMost(START_TIMEOUT).until(() -> ledger.sentTo(message.to()).size() >= 1);
            }
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> held.stream()
                .allMatch(message -> ledger.sentTo(message.to()).size() == 1));
            for (MessageScheduled message : held) {
                assertThat(ledger.sentTo(message.to()).getFirst().path("acceptedAt").asLong())
                    .isGreaterThanOrEqualTo(message.sendAt().toEpochMilli());
            }
            assertThat(ledger.sentTo(sentBeforeTheKill.to())).hasSize(1);
        }
    }

    /** Same instance id and state directory each time, as a restarted instance has. */
    private static DispatcherProcess startDispatcher(EmbeddedKafkaBroker broker, String run) {
        DispatcherProcess dispatcher = DispatcherProcess.start(List.of(
            "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
            // the killed process never leaves its groups: let the broker notice within seconds
            "--spring.kafka.properties.session.timeout.ms=6000",
            "--spring.kafka.properties.heartbeat.interval.ms=1000",
            "--wa.dispatcher.tiers=1s,2s,4s",
            "--wa.dispatcher.internal-token=" + INTERNAL_TOKEN,
            "--wa.dispatcher.cloud-api-base-url=" + sandbox.baseUrl(),
            "--wa.dispatcher.scheduler-api-base-url=" + schedulerApi.baseUrl(),
            "--wa.dispatcher.instance-id=hard-kill-test",
            "--wa.dispatcher.state-dir=" + stateDir,
            "--spring.jmx.enabled=false"), Path.of("target", "hard-kill-test", run + ".log"));
        await().atMost(START_TIMEOUT).until(dispatcher::isUp);
        return dispatcher;
    }

    private static MessageScheduled message(int recipient, Instant sendAt) {
        return new MessageScheduled(UUID.randomUUID().toString(), 1, null, SENDER, "+1415555" + String.format("%04d", recipient),
            new TextContent("Hello", false), sendAt, 4, Map.of());
    }

    private static void publish(MessageScheduled message) {
        EventEnvelope envelope = EventEnvelope.of("tenant-1", message, Clock.systemUTC());
        commands.send(new ProducerRecord<>(Topics.MESSAGE_COMMANDS.name(), envelope.key(), EventCodec.encode(envelope)));
        commands.flush();
    }
}
