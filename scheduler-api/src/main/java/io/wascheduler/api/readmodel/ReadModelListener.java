package io.wascheduler.api.readmodel;

import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.EventPayload;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Thin adapter: outcomes and statuses from Kafka into the read model, a poll's records at a time. Offsets
 * commit after the batch's transaction has.
 */
@Component
class ReadModelListener {

    static final String MESSAGE_EVENTS = "scheduler-api-message-read-model";

    private static final Logger log = LoggerFactory.getLogger(ReadModelListener.class);

    private final ReadModelUpdater updater;
    private final SenderStatusUpdater senders;

    ReadModelListener(ReadModelUpdater updater, SenderStatusUpdater senders) {
        this.updater = updater;
        this.senders = senders;
    }

    @KafkaListener(id = MESSAGE_EVENTS, containerFactory = ReadModelConsumers.BATCH_FACTORY, topics = {
        "#{T(io.wascheduler.model.topic.Topics).MESSAGE_OUTCOMES.name()}",
        "#{T(io.wascheduler.model.topic.Topics).MESSAGE_STATUSES.name()}"})
    void onMessageEvents(List<ConsumerRecord<String, EventEnvelope>> records) {
        try {
            updater.apply(payloads(records)).block();
        }
        catch (RuntimeException batchFailed) {
            log.warn("A batch of {} events could not be applied ({}); applying them one at a time", records.size(),
                batchFailed.toString());
            applyOneAtATime(records);
        }
    }

    @KafkaListener(id = "scheduler-api-sender-status", topics = "#{T(io.wascheduler.model.topic.Topics).SENDER_STATUS.name()}")
    void onSenderStatus(EventEnvelope event) {
        if (event != null) {
            senders.apply(event).block();
        }
    }

    /**
     * Finds the record that fails: those before it are applied and their offsets committed, and the error
     * handler retries from it, then skips it, exactly as it treats one record that fails.
     */
    private void applyOneAtATime(List<ConsumerRecord<String, EventEnvelope>> records) {
        for (int index = 0; index < records.size(); index++) {
            EventEnvelope event = records.get(index).value();
            try {
                if (event != null) {
                    updater.apply(List.of(event.payload())).block();
                }
            }
            catch (RuntimeException failed) {
                throw new BatchListenerFailedException("Cannot apply " + records.get(index).topic() + "-"
                    + records.get(index).partition() + "@" + records.get(index).offset(), failed, index);
            }
        }
    }

    /** A record that could not be decoded arrives without a value: there is nothing to apply, so it is skipped. */
    private static List<EventPayload> payloads(List<ConsumerRecord<String, EventEnvelope>> records) {
        records.stream().filter(record -> record.value() == null).forEach(record ->
            log.warn("Skipping the undecodable record {}-{}@{}", record.topic(), record.partition(), record.offset()));
        return records.stream().map(ConsumerRecord::value).filter(Objects::nonNull).map(EventEnvelope::payload).toList();
    }
}
