package io.wascheduler.api.readmodel;

import io.wascheduler.model.event.EventEnvelope;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Thin adapter: outcomes and statuses from Kafka into the read model. Offsets commit after the row is written. */
@Component
class ReadModelListener {

    private final ReadModelUpdater updater;
    private final SenderStatusUpdater senders;

    ReadModelListener(ReadModelUpdater updater, SenderStatusUpdater senders) {
        this.updater = updater;
        this.senders = senders;
    }

    /** Several consumers share the partitions: each record is one short transaction, mostly waiting on PostgreSQL. */
    @KafkaListener(id = "scheduler-api-message-read-model", concurrency = "${wa.api.read-model-concurrency:4}", topics = {
        "#{T(io.wascheduler.model.topic.Topics).MESSAGE_OUTCOMES.name()}",
        "#{T(io.wascheduler.model.topic.Topics).MESSAGE_STATUSES.name()}"})
    void onMessageEvent(EventEnvelope event) {
        if (event != null) {
            updater.apply(event.payload()).block();
        }
    }

    @KafkaListener(id = "scheduler-api-sender-status", topics = "#{T(io.wascheduler.model.topic.Topics).SENDER_STATUS.name()}")
    void onSenderStatus(EventEnvelope event) {
        if (event != null) {
            senders.apply(event).block();
        }
    }
}
