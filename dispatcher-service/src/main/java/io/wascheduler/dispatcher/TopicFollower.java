package io.wascheduler.dispatcher;

import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.topic.TopicSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a small topic whole, from its beginning, on its own thread, and keeps following it, handing each
 * event to {@code onEvent}. For per-sender and per-campaign settings: a few records per sender or
 * campaign, never per message. Caught up once it has read what the topic held when it started.
 */
public final class TopicFollower {

    private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final TopicSpec topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Consumer<EventEnvelope> onEvent;
    private volatile boolean running;
    private volatile boolean caughtUp;
    private Thread thread;

    public TopicFollower(TopicSpec topic, KafkaClients kafka, Consumer<EventEnvelope> onEvent) {
        this.topic = topic;
        this.consumer = kafka.reader("follow-" + topic.name());
        this.onEvent = onEvent;
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    public void start() {
        running = true;
        thread = Thread.ofPlatform().daemon(true).name("wa-follow-" + topic.name()).start(this::follow);
    }

    public void stop() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void follow() {
        try (consumer) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> endAtStart = consumer.endOffsets(partitions);
            while (running) {
                consumer.poll(POLL).forEach(this::apply);
                if (!caughtUp) {
                    caughtUp = endAtStart.entrySet().stream()
                        .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
                }
            }
        } catch (WakeupException e) {
            log.debug("Stopped following {}", topic.name());
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            onEvent.accept(EventCodec.decode(record.value()));
        } catch (RuntimeException e) {
            log.warn("Skipping undecodable record of {} at offset {}: {}", topic.name(), record.offset(), e.getMessage());
        }
    }
}
