package io.wascheduler.dispatcher.send;

import io.wascheduler.dispatcher.KafkaClients;
import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.event.MessageDispatchFailed;
import io.wascheduler.model.event.MessageDispatched;
import io.wascheduler.model.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The attempts made lately by any instance, read back from MESSAGE_OUTCOMES at start: an outcome exists
 * only for an attempt that reached the Cloud API. Seeding the send loop's memory with them means a record
 * released twice around a crash (see README, crash windows) is recognised after a restart too.
 */
@Component
class OutcomeHistory {

    private static final Logger log = LoggerFactory.getLogger(OutcomeHistory.class);
    private static final Duration POLL = Duration.ofMillis(200);
    /** Starting late is worse than a slightly shorter memory. */
    private static final Duration MAX_REPLAY = Duration.ofSeconds(30);

    private final KafkaClients kafka;
    private final Clock clock;

    OutcomeHistory(KafkaClients kafka, Clock clock) {
        this.kafka = kafka;
        this.clock = clock;
    }

    /** Hands every attempt key published within {@code lookback} to {@code attemptKeys}. */
    void replay(Duration lookback, Consumer<String> attemptKeys) {
        try (KafkaConsumer<String, byte[]> reader = kafka.reader("outcome-history")) {
            List<TopicPartition> partitions = reader.partitionsFor(Topics.MESSAGE_OUTCOMES.name()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            reader.assign(partitions);
            Map<TopicPartition, Long> end = reader.endOffsets(partitions);
            long since = clock.instant().minus(lookback).toEpochMilli();
            Map<TopicPartition, Long> fromTime = new HashMap<>();
            partitions.forEach(partition -> fromTime.put(partition, since));
            Map<TopicPartition, OffsetAndTimestamp> start = reader.offsetsForTimes(fromTime);
            List<TopicPartition> toRead = new ArrayList<>();
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp first = start.get(partition);
                if (first != null && first.offset() < end.get(partition)) {
                    reader.seek(partition, first.offset());
                    toRead.add(partition);
                }
            }
            reader.assign(toRead);
            int replayed = 0;
            Instant deadline = clock.instant().plus(MAX_REPLAY);
            while (toRead.stream().anyMatch(partition -> reader.position(partition) < end.get(partition))
                && clock.instant().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(POLL)) {
                    replayed += remember(record, attemptKeys);
                }
            }
            log.info("Remembered {} attempts made in the last {}", replayed, lookback);
        }
    }

    private static int remember(ConsumerRecord<String, byte[]> record, Consumer<String> attemptKeys) {
        try {
            switch (EventCodec.decode(record.value()).payload()) {
                case MessageDispatched sent ->
                    attemptKeys.accept(ReadyMessage.attemptKey(sent.messageId(), sent.version(), sent.attempt()));
                case MessageDispatchFailed failed ->
                    attemptKeys.accept(ReadyMessage.attemptKey(failed.messageId(), failed.version(), failed.attempt()));
                default -> {
                    return 0;
                }
            }
            return 1;
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
