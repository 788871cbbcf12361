package io.wascheduler.benchmarks;

import io.wascheduler.localstack.LocalStack;
import io.wascheduler.localstack.demo.JsonHttp;
import io.wascheduler.model.topic.Topics;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code ./dev bench outbox-latency [N] [warmUp]} (defaults 500 and 100): on a whole fresh stack, messages are
 * scheduled one at a time through {@code POST /v1/messages} (due tomorrow, so nothing is sent), a few
 * milliseconds apart at random, and each one's MessageScheduled is looked for on the commands topic. Prints
 * the time from sending the request to the relay's producing the event (the record's create time): what
 * the transactional outbox adds to an accepted request before the dispatcher can see it.
 */
public final class OutboxLatencyBenchmark {

    private static final Duration MAX_PAUSE = Duration.ofMillis(40);
    private static final Duration WAIT_FOR_EVENT = Duration.ofSeconds(30);

    private OutboxLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int measured = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        try (LocalStack stack = BenchmarkStack.start("outbox-latency", Map.of());
             KafkaConsumer<String, byte[]> commands = commandsFromTheEnd(stack)) {
            URI messages = stack.layout().httpBase(stack.layout().ports().schedulerApi()).resolve("/v1/messages");
            JsonHttp http = new JsonHttp();
            Map<String, Long> producedAt = new HashMap<>();
            Histogram latency = Percentiles.millisecondHistogram();
            String sendAt = Instant.now().plus(Duration.ofDays(1)).toString();
            for (int i = 0; i < warmUp + measured; i++) {
                Thread.sleep(ThreadLocalRandom.current().nextLong(MAX_PAUSE.toMillis() + 1));
                long requestedAt = System.currentTimeMillis();
                JsonHttp.Response created = http.post(messages, stack.demo().apiKey(), Map.of("from", stack.demo().sender(),
                    "to", "+14155550123", "content", Map.of("type", "text", "text", "Hello " + i), "sendAt", sendAt));
                if (!created.isSuccess()) {
                    throw new IllegalStateException("POST /v1/messages answered " + created.status() + ": " + created.text());
                }
                String id = created.body().get("id").asString();
                long produced = awaitEvent(commands, producedAt, id);
                if (i >= warmUp) {
                    latency.recordValue(Math.max(0, produced - requestedAt));
                }
            }
            System.out.printf("%d messages after %d warm-up ones, one at a time, 0-%d ms apart%n", measured, warmUp,
                MAX_PAUSE.toMillis());
            System.out.println(Percentiles.summary("request sent -> its MessageScheduled produced by the outbox relay",
                latency));
            System.out.println(MachineInfo.describe());
        }
    }

    private static long awaitEvent(KafkaConsumer<String, byte[]> commands, Map<String, Long> producedAt, String id) {
        Instant giveUpAt = Instant.now().plus(WAIT_FOR_EVENT);
        while (!producedAt.containsKey(id)) {
            if (Instant.now().isAfter(giveUpAt)) {
                throw new IllegalStateException("No MessageScheduled for " + id + " within " + WAIT_FOR_EVENT);
            }
            commands.poll(Duration.ofMillis(5)).forEach(record -> producedAt.put(record.key(), record.timestamp()));
        }
        return producedAt.remove(id);
    }

    private static KafkaConsumer<String, byte[]> commandsFromTheEnd(LocalStack stack) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.layout().kafkaBootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.MESSAGE_COMMANDS.name()).stream()
            .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }
}
