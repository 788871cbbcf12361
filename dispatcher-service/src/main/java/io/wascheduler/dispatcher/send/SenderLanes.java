package io.wascheduler.dispatcher.send;

import io.wascheduler.dispatcher.DispatcherProperties;
import io.wascheduler.dispatcher.outcome.OutcomePublisher;
import io.wascheduler.dispatcher.ratelimit.PairRate;
import io.wascheduler.dispatcher.ratelimit.ThroughputLimit;
import io.wascheduler.dispatcher.sender.CredentialsClient;
import io.wascheduler.dispatcher.sender.SenderDirectory;
import io.wascheduler.model.event.SenderConfigured;
import io.wascheduler.model.event.SenderStatusChanged.SenderState;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The lanes of the senders this instance has seen, created with each sender's configured rate. */
final class SenderLanes {

    private static final Logger log = LoggerFactory.getLogger(SenderLanes.class);

    private final Map<String, SenderLane> lanes = new HashMap<>();
    private final SenderDirectory directory;
    private final CredentialsClient credentials;
    private final OutcomePublisher outcomes;
    private final DispatcherProperties.Sending sending;
    private final Clock clock;
    private Instant lastAssignment;

    SenderLanes(SenderDirectory directory, CredentialsClient credentials, OutcomePublisher outcomes,
                DispatcherProperties.Sending sending, Clock clock) {
        this.directory = directory;
        this.credentials = credentials;
        this.outcomes = outcomes;
        this.sending = sending;
        this.clock = clock;
    }

    SenderLane of(String senderId) {
        return lanes.computeIfAbsent(senderId, this::newLane);
    }

    /**
     * A sender's new lane counts its budget as spent at the latest partition assignment: until then another
     * instance (or this one before a crash) may have been sending for it, so the first second after a
     * rebalance or a start is not a burst on top of the previous owner's.
     */
    private SenderLane newLane(String senderId) {
        ThroughputLimit throughput = new ThroughputLimit(
            directory.throughputOf(senderId).orElse(sending.defaultThroughputMps()), clock);
        if (lastAssignment != null) {
            throughput.assumeSpentAt(lastAssignment);
        }
        SenderLane lane = new SenderLane(throughput, new PairRate(sending.pairRateInterval(), clock), sending.laneWork());
        lane.pause(directory.pausedNow(senderId));
        return lane;
    }

    void partitionsAssigned() {
        lastAssignment = clock.instant();
    }

    Collection<SenderLane> all() {
        return lanes.values();
    }

    int queued() {
        int queued = 0;
        for (SenderLane lane : lanes.values()) {
            queued += lane.size();
        }
        return queued;
    }

    /**
     * Applies new sender configurations: the new rate at once, a fresh token, and a paused sender resumed. The
     * resume is reported also when the pause was made elsewhere (another instance, or before a restart), so
     * the sender's reported status never stays PAUSED after a configuration lifted it.
     */
    void applyChanges() {
        for (SenderConfigured change : directory.takeChanges()) {
            String senderId = change.phoneNumberId();
            credentials.invalidate(senderId);
            SenderLane lane = lanes.get(senderId);
            boolean resumedHere = false;
            if (lane != null) {
                lane.throughput().reconfigure(change.throughputMps());
                resumedHere = lane.pause(false);
            }
            if (resumedHere || directory.pauseLiftedButNotReported(senderId)) {
                log.info("Resuming sender {} after a new configuration", senderId);
                outcomes.senderChanged(change.tenantId(), senderId, SenderState.ACTIVE, "Sender reconfigured", null);
            }
        }
    }

    /**
     * The rate scheduler-api returned with the sender's token applies until SENDER_CONFIG says otherwise
     * (it is the same setting, but the configuration event may not have been read yet).
     */
    void learnThroughput(String senderId, int throughputMps) {
        SenderLane lane = lanes.get(senderId);
        if (throughputMps > 0 && lane != null && directory.throughputOf(senderId).isEmpty()
            && lane.throughput().configured() != throughputMps) {
            lane.throughput().reconfigure(throughputMps);
        }
    }

    void reportRates(SendMetrics metrics) {
        lanes.forEach((senderId, lane) -> metrics.rates(senderId, lane.throughput().configured(),
            lane.throughput().currentLimit(), lane.throughput().usedInLastSecond()));
    }

    /**
     * Drops the queued messages read from partitions this instance no longer owns (their new owner reads
     * them), and the lanes of those senders: if a partition comes back, its senders' budgets start from the
     * assignment, not from sends this instance made before another owner had them. Paused lanes stay, so a
     * sender paused here is still paused if its partition comes back.
     */
    void dropFrom(Collection<TopicPartition> partitions) {
        lanes.values().forEach(lane -> lane.removeFrom(partitions));
        lanes.values().removeIf(lane -> !lane.paused() && lane.readFrom(partitions));
    }
}
