package io.wascheduler.benchmarks.ladder;

import io.wascheduler.benchmarks.Percentiles;
import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.event.MessageScheduled;
import io.wascheduler.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The ladder's own precision, apart from the send side: every first attempt the dispatcher released to
 * wa.dispatch.ready, its committed release (the broker's append time of the ready record) minus its due
 * instant (the ladder's wa-due-at header).
 */
final class ReadyTopicWatch {

    private final Map<String, Long> firstReleaseLateness = new HashMap<>();
    private final Map<String, Integer> firstAttemptReleases = new HashMap<>();
    /** Where the last read stopped, so that a run measuring several windows reads each release once. */
    private final Map<TopicPartition, Long> readUpTo = new HashMap<>();

    /** Reads what the ready topic holds now, from where the last read stopped (from its beginning at first). */
    void readNew(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
            new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DISPATCH_READY.name()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            readUpTo.forEach(consumer::seek);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                consumer.poll(Duration.ofMillis(500)).forEach(this::add);
            }
            partitions.forEach(partition -> readUpTo.put(partition, consumer.position(partition)));
        }
    }

    private void add(ConsumerRecord<String, byte[]> record) {
        if (!"1".equals(header(record, "wa-attempt"))) {
            return;
        }
        String messageId = EventCodec.decode(record.value()).payloadAs(MessageScheduled.class).messageId();
        long lateness = record.timestamp() - Long.parseLong(header(record, "wa-due-at"));
        firstReleaseLateness.merge(messageId, lateness, Math::min);
        firstAttemptReleases.merge(messageId, 1, Integer::sum);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Figures over the {@code measured} messages only. */
    void print(Set<String> measured) {
        List<Long> measuredLateness = measured.stream().map(firstReleaseLateness::get).filter(Objects::nonNull).toList();
        Histogram lateness = Percentiles.millisecondHistogram();
        long early = measuredLateness.stream().filter(late -> late < 0).count();
        measuredLateness.stream().filter(late -> late >= 0)
            .forEach(late -> lateness.recordValue(Math.min(late, lateness.getHighestTrackableValue())));
        int releases = measured.stream().mapToInt(id -> firstAttemptReleases.getOrDefault(id, 0)).sum();
        System.out.println(Percentiles.summary("ladder release lateness at wa.dispatch.ready (append time - due)", lateness));
        System.out.printf("released early to wa.dispatch.ready: %d; first-attempt releases %d for %d messages "
            + "(a message re-released is one a full lane or the pair rate sent back through the ladder)%n", early, releases,
            measuredLateness.size());
    }
}
