package io.wascheduler.benchmarks.campaign;

import io.wascheduler.model.topic.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts the committed records on the message-commands topic from its beginning (a fresh stack holds only the
 * benchmark's), as the services see them: the outbox relay publishes in transactions.
 */
final class TopicCounter implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private long counted;

    TopicCounter(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.MESSAGE_COMMANDS.name(), Duration.ofSeconds(30)).stream()
            .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls until {@code expected} records were counted or the deadline passes; returns the count. */
    long awaitAtLeast(long expected, long deadlineNanos) {
        while (counted < expected && System.nanoTime() < deadlineNanos) {
            counted += consumer.poll(Duration.ofMillis(200)).count();
        }
        return counted;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
