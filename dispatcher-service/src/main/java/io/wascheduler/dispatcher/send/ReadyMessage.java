package io.wascheduler.dispatcher.send;

import io.wascheduler.dispatcher.ladder.LadderRecord;
import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.MessageScheduled;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * A released message waiting in its sender's lane, with where it was read from.
 *
 * @param readAt when the send loop read it
 */
record ReadyMessage(TopicPartition partition, long offset, LadderRecord record, EventEnvelope envelope, Instant readAt) {

    /**
     * Where a released record goes, from its headers; a record released without the message id header (by an
     * earlier version) is parsed for it. Empty for a record that is not a released MessageScheduled with the
     * ladder's headers.
     */
    static Optional<LadderRecord> route(ConsumerRecord<String, byte[]> record) {
        try {
            Optional<LadderRecord> routed = LadderRecord.fromRelease(record.value(), record.headers());
            return routed.isPresent() ? routed : Optional.of(LadderRecord.fromKafka(
                EventCodec.decode(record.value()).payloadAs(MessageScheduled.class).messageId(), record.value(),
                record.headers()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The message of a routed record, parsed for its lane; empty when it is not a MessageScheduled. */
    static Optional<ReadyMessage> read(TopicPartition partition, long offset, LadderRecord record, Instant readAt) {
        try {
            EventEnvelope envelope = EventCodec.decode(record.envelope());
            envelope.payloadAs(MessageScheduled.class);
            return Optional.of(new ReadyMessage(partition, offset, record, envelope, readAt));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    MessageScheduled message() {
        return envelope.payloadAs(MessageScheduled.class);
    }

    int attempt() {
        return record.attempt();
    }

    /** The same message may be sent once per attempt: this names one attempt of one version. */
    String attemptKey() {
        return attemptKey(record.messageId(), record.version(), record.attempt());
    }

    static String attemptKey(String messageId, long version, int attempt) {
        return messageId + "|" + version + "|" + attempt;
    }
}
