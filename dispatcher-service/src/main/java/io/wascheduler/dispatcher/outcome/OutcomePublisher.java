package io.wascheduler.dispatcher.outcome;

import io.wascheduler.dispatcher.EventsProducer;
import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.MessageDispatchFailed;
import io.wascheduler.model.event.MessageDispatched;
import io.wascheduler.model.event.MessageScheduled;
import io.wascheduler.model.event.MetaError;
import io.wascheduler.model.event.SenderStatusChanged;
import io.wascheduler.model.event.SenderStatusChanged.SenderState;
import io.wascheduler.model.topic.TopicSpec;
import io.wascheduler.model.topic.Topics;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.stereotype.Component;

/** Publishes what became of each attempt on MESSAGE_OUTCOMES and sender pauses on SENDER_STATUS. */
@Component
public class OutcomePublisher {

    private final EventsProducer producer;
    private final Clock clock;

    OutcomePublisher(EventsProducer producer, Clock clock) {
        this.producer = producer;
        this.clock = clock;
    }

    public void dispatched(String tenantId, MessageScheduled message, String wamid, int attempt) {
        publish(Topics.MESSAGE_OUTCOMES, EventEnvelope.of(tenantId, new MessageDispatched(message.messageId(),
            message.version(), message.campaignId(), message.senderId(), message.to(), wamid, attempt,
            clock.instant()), clock));
    }

    /** @param nextAttemptAt null when the failure is final */
    public void failed(String tenantId, MessageScheduled message, int attempt, MetaError error, Instant nextAttemptAt) {
        publish(Topics.MESSAGE_OUTCOMES, EventEnvelope.of(tenantId, new MessageDispatchFailed(message.messageId(),
            message.version(), message.campaignId(), message.senderId(), attempt, error, nextAttemptAt == null,
            nextAttemptAt, clock.instant()), clock));
    }

    public void senderChanged(String tenantId, String phoneNumberId, SenderState state, String reason,
                              MetaError lastError) {
        publish(Topics.SENDER_STATUS, EventEnvelope.of(tenantId,
            new SenderStatusChanged(phoneNumberId, state, reason, lastError, clock.instant()), clock));
    }

    private void publish(TopicSpec topic, EventEnvelope envelope) {
        producer.send(new ProducerRecord<>(topic.name(), envelope.key(), EventCodec.encode(envelope)));
    }
}
