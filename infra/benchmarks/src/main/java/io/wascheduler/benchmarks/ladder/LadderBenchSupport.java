package io.wascheduler.benchmarks.ladder;

import io.wascheduler.benchmarks.StackClient;
import io.wascheduler.localstack.LocalStack;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/** The ladder benchmarks' senders and messages, on top of what every stack benchmark shares. */
final class LadderBenchSupport extends StackClient {

    static final String TENANT = "ladder-bench";
    private static final String SENDER_PREFIX = "7770000000";
    private static final String TEXT = "Your appointment is confirmed";

    LadderBenchSupport(LocalStack stack) {
        super(stack, TENANT);
    }

    List<String> registerSenders(int count, int throughputMps) {
        return registerSenders(SENDER_PREFIX, count, throughputMps);
    }

    ProducerRecord<String, byte[]> scheduled(String messageId, String sender, String to, Instant sendAt) {
        return scheduled(messageId, sender, to, TEXT, sendAt);
    }
}
