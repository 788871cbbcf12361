package io.wascheduler.dispatcher.ladder;

import io.wascheduler.dispatcher.DispatcherProperties;
import io.wascheduler.dispatcher.EventsProducer;
import io.wascheduler.model.topic.Topics;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.stereotype.Component;

/**
 * The way back into the ladder for the send side: a retry, or a message held back by pair rate, a full
 * lane or a stopped sender. It enters the largest tier not longer than its remaining time; when less than
 * the smallest span remains it takes the smallest tier anyway (a little late rather than a second timer).
 * Used by the send loop's thread only.
 */
@Component
public class LadderEntrance {

    private final TierLadder ladder;
    private final EventsProducer producer;
    private final ReleasePacing pacing;
    private final TierBatches turnsWaiting;

    LadderEntrance(DispatcherProperties properties, Clock clock, EventsProducer producer, ReleasePacing pacing) {
        this.ladder = new TierLadder(properties.tiers(), clock);
        this.producer = producer;
        this.pacing = pacing;
        this.turnsWaiting = new TierBatches(ladder.releaseHorizon(), TierBatch.MAX_BYTES);
    }

    public void enter(LadderRecord record) {
        producer.send(new ProducerRecord<>(Topics.delayTier(ladder.tierOrSmallest(record.dueAt())).name(), null, record.messageId(), record.envelope(),
            record.headers()));
    }

    /**
     * A released record whose sender's lane was full comes back at the sender's next turn on this instance, not
     * before {@code earliest} (see {@link ReleasePacing#turnAfterFullLane}), in a {@link TierBatch} with the sender's
     * other records sent back for turns close to it. The batch is written when it is complete or at the latest by
     * {@link #sendTurnsWaiting}, which the send loop calls before it commits the records' offsets.
     */
    public void enterAtNextTurn(LadderRecord record, Instant earliest, int drainRate) {
        turnsWaiting.add(record.slottedAt(pacing.turnAfterFullLane(record.senderId(), earliest, drainRate)))
            .ifPresent(this::enter);
    }

    /** Writes the batches of records sent back for their turns that are still open. */
    public void sendTurnsWaiting() {
        turnsWaiting.drain().forEach(this::enter);
    }

    private void enter(TierBatch batch) {
        producer.send(batch.toKafka(Topics.delayTier(ladder.tierOrSmallest(batch.dueAt())).name()));
    }
}
