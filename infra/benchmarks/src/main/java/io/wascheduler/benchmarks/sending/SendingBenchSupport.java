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

    SendingBenchSupport(LocalStack stack) {
        super(stack, TENANT);
    }

    /** Publishes {@code perSender} messages due now for each sender, interleaved, each to its own recipient. */
    void publishDueNow(List<String> senders, int perSender) {
        long recipient = 0;
        try (KafkaProducer<String, byte[]> producer = commandsProducer()) {
            for (int i = 0; i < perSender; i++) {
                for (String sender : senders) {
                    String to = "+447" + String.format("%09d", recipient++);
                    producer.send(scheduled(UUID.randomUUID().toString(), sender, to, TEXT, Instant.now()));
                }
            }
            producer.flush();
        }
    }

    /** Where messages wait in the dispatcher now: in the release timers, in sender lanes, in flight to the Cloud API. */
    String dispatcherLoad() {
        return String.format("release timers %.0f, lanes %.0f, in flight %.0f",
            dispatcherMetric("wa.dispatcher.release.waiting"), dispatcherMetric("wa.dispatcher.send.queued"),
            dispatcherMetric("wa.dispatcher.send.in-flight"));
    }
}
