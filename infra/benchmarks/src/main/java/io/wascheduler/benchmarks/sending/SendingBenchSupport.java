package io.wascheduler.benchmarks.sending;

import io.wascheduler.benchmarks.StackClient;
import io.wascheduler.localstack.LocalStack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;

/** The sending benchmarks' messages and process figures, on top of what every stack benchmark shares. */
final class SendingBenchSupport extends StackClient {

    static final String TENANT = "sending-bench";
    private static final String TEXT = "Your order has shipped";
    private static final Duration WARM_UP_PATIENCE = Duration.ofMinutes(3);

    SendingBenchSupport(LocalStack stack) {
        super(stack, TENANT);
    }

    /** Publishes {@code perSender} messages due now for each sender, interleaved, each to its own recipient. */
    void publishDueNow(List<String> senders, int perSender) {
        publishDueAt(senders, perSender, null);
    }

    /** @param dueAt the instant every message is due; null for each one's publishing instant (due now) */
    void publishDueAt(List<String> senders, int perSender, Instant dueAt) {
        publish(senders, perSender, dueAt, "+447");
    }

    /**
     * A deployed stack has run for days: its JIT has compiled the hot paths. A fresh one spends its first tens of
     * seconds compiling on the same two cores, so {@code perSender} messages due now for {@code senders} senders of
     * their own (at {@code throughputMps}) go through the whole path first, and the measurement starts once the
     * sandbox has them all. 0 measures the cold stack.
     */
    void warmUp(int senders, int perSender, int throughputMps) throws InterruptedException {
        if (senders * perSender == 0) {
            return;
        }
        Instant start = Instant.now();
        List<String> warmUpSenders = registerSenders("55509000", senders, throughputMps);
        Thread.sleep(2_000); // SenderConfigured reaches the dispatcher through the outbox and Kafka
        publish(warmUpSenders, perSender, null, "+448");
        Instant deadline = start.plus(WARM_UP_PATIENCE);
        long accepted = 0;
        while (accepted < (long) senders * perSender && Instant.now().isBefore(deadline)) {
            Thread.sleep(2_000);
            accepted = accepted(warmUpSenders);
        }
        System.out.printf("warm-up: %,d messages due at once for %d senders of their own, %,d at the sandbox after %d s%n",
            senders * perSender, senders, accepted, Duration.between(start, Instant.now()).toSeconds());
        Thread.sleep(5_000); // their outcomes drain before the measurement starts
    }

    private void publish(List<String> senders, int perSender, Instant dueAt, String recipientPrefix) {
        long recipient = 0;
        try (KafkaProducer<String, byte[]> producer = commandsProducer()) {
            for (int i = 0; i < perSender; i++) {
                for (String sender : senders) {
                    String to = recipientPrefix + String.format("%09d", recipient++);
                    producer.send(scheduled(UUID.randomUUID().toString(), sender, to, TEXT, dueAt == null ? Instant.now() : dueAt));
                }
            }
            producer.flush();
        }
    }

    /** Where messages wait in the dispatcher now: in the release timers, in sender lanes, in flight to the Cloud API. */
    String dispatcherLoad() {
        return String.format("release timers %.0f (commands tail %.0f ms behind, %.0f kept), lanes %.0f, in flight %.0f",
            dispatcherMetric("wa.dispatcher.release.waiting"), dispatcherMetric("wa.dispatcher.release.commands-behind"),
            dispatcherMetric("wa.dispatcher.release.commands-kept"), dispatcherMetric("wa.dispatcher.send.queued"),
            dispatcherMetric("wa.dispatcher.send.in-flight"));
    }
}
