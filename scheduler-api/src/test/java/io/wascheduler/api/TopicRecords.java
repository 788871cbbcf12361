package io.wascheduler.api;

import org.awaitility.Awaitility;

import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.EventSerde;
import io.wascheduler.model.topic.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** Reads what is on a topic (from the beginning) and publishes events as the other services would. */
public final class TopicRecords {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private TopicRecords() {
    }

    /** Waits until {@code count} records matching {@code filter} are on the topic, and returns them in offset order. */
    public static List<ConsumerRecord<String, byte[]>> awaitRecords(
        EmbeddedKafkaBroker broker, TopicSpec topic, Predicate<ConsumerRecord<String, byte[]>> filter, int count) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(broker)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                .map(info -> new TopicPartition(topic.name(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Awaitility.await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (filter.test(record)) {
                        found.add(record);
                    }
                });
                return found.size() >= count;
            });
        }
        return found;
    }

    public static EventEnvelope decode(ConsumerRecord<String, byte[]> record) {
        return new EventSerde().deserializer().deserialize(record.topic(), record.value());
    }

    public static void publish(EmbeddedKafkaBroker broker, TopicSpec topic, EventEnvelope event) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        try (KafkaProducer<String, EventEnvelope> producer =
                 new KafkaProducer<>(config, new StringSerializer(), new EventSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), event.key(), event)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish the test event", e);
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(EmbeddedKafkaBroker broker) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // as every service reads: the outbox relay publishes in transactions
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
