package io.wascheduler.dispatcher.ladder;

import io.wascheduler.dispatcher.KafkaClients;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What distinguishes one stage from another: where it reads, how long a record is held there after it was
 * appended (zero for the intake), and how a source record becomes a ladder record (empty: nothing to do).
 */
record Stage(String name, String sourceTopic, Duration hold,
             Function<ConsumerRecord<String, byte[]>, Optional<LadderRecord>> reader) {

    String consumerGroup() {
        return "wa-dispatcher-" + name;
    }

    /** A delay tier, as opposed to the intake, which reads commands rather than held records. */
    boolean isTier() {
        return hold.isPositive();
    }

    /**
     * How long the broker may keep this stage's fetch waiting for data. A tier pauses its partitions and
     * resumes them when a hold ends; the intake holds a command only while its producer's clock is ahead of
     * this one's (its hold is zero), so it has no resume to wait for.
     */
    Duration fetchWait() {
        return isTier() ? KafkaClients.RESUMING_FETCH_WAIT : KafkaClients.STEADY_FETCH_WAIT;
    }
}
