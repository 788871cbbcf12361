package io.wascheduler.dispatcher.ladder;

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
}
