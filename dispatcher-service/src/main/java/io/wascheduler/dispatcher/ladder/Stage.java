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

    /** A tier's fetch waits at most this fraction of its span: about as many of its records take it twice. */
    private static final int FETCH_WAIT_SHARE_OF_SPAN = 32;

    String consumerGroup() {
        return "wa-dispatcher-" + name;
    }

    /** A delay tier, as opposed to the intake, which reads commands rather than held records. */
    boolean isTier() {
        return hold.isPositive();
    }

    /**
     * How long the broker may keep this stage's fetch waiting for data. A tier pauses its partitions and
     * resumes them when a hold ends, and looks at the records it fetches again this much before their hold ends:
     * a record looked at that early may still be due a whole span later and take the tier once more, so a tier
     * waits at most {@code 1/FETCH_WAIT_SHARE_OF_SPAN} of its span (never less than
     * {@link KafkaClients#RESUMING_FETCH_WAIT}). Idle, each of the twelve default tiers would otherwise cost the
     * broker ten empty fetches a second. The intake holds a command only while its producer's clock is ahead of
     * this one's (its hold is zero), so it has no resume to wait for.
     */
    Duration fetchWait() {
        if (!isTier()) {
            return KafkaClients.STEADY_FETCH_WAIT;
        }
        Duration shareOfSpan = hold.dividedBy(FETCH_WAIT_SHARE_OF_SPAN);
        if (shareOfSpan.compareTo(KafkaClients.RESUMING_FETCH_WAIT) < 0) {
            return KafkaClients.RESUMING_FETCH_WAIT;
        }
        return shareOfSpan.compareTo(KafkaClients.STEADY_FETCH_WAIT) > 0 ? KafkaClients.STEADY_FETCH_WAIT : shareOfSpan;
    }
}
