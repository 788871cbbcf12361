package io.wascheduler.dispatcher.support;

import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.event.EventEnvelope;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads every event published on some topics into a list, for assertions. */
public final class EventCollector implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<EventEnvelope> events = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    public EventCollector(String bootstrapServers, List<String> topics) {
        this.consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ConsumerConfig.GROUP_ID_CONFIG, "test-collector-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
            new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(topics);
        this.thread = Thread.ofPlatform().name("test-collector").start(this::collect);
    }

    private void collect() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> events.add(EventCodec.decode(record.value())));
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    public <P> List<P> payloads(Class<P> type) {
        return events.stream().map(EventEnvelope::payload).filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join();
    }
}
