package io.wascheduler.dispatcher.ladder;

import io.wascheduler.dispatcher.DispatcherProperties;
import io.wascheduler.dispatcher.EventsProducer;
import io.wascheduler.model.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.stereotype.Component;

/**
 * The way back into the ladder for the send side: a retry, or a message held back by pair rate, a full
 * lane or a stopped sender. It enters the largest tier not longer than its remaining time; when less than
 * the smallest span remains it takes the smallest tier anyway (a little late rather than a second timer).
 */
@Component
public class LadderEntrance {

    private final TierLadder ladder;
    private final EventsProducer producer;

    LadderEntrance(DispatcherProperties properties, Clock clock, EventsProducer producer) {
        this.ladder = new TierLadder(properties.tiers(), clock);
        this.producer = producer;
    }

    public void enter(LadderRecord record) {
        Duration span = ladder.tierFor(record.dueAt()).orElse(ladder.releaseHorizon());
        producer.send(new ProducerRecord<>(Topics.delayTier(span).name(), null, record.messageId(), record.envelope(),
            record.headers()));
    }
}
