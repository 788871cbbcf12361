package io.wascheduler.dispatcher.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.dispatcher.ratelimit.PairRate;
import io.wascheduler.dispatcher.ratelimit.ThroughputLimit;
import io.wascheduler.dispatcher.support.SettableClock;
import io.wascheduler.model.event.CampaignScheduled;
import io.wascheduler.model.event.EventEnvelope;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class SenderLaneTest {

    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    private static final Duration TWO_SECONDS_OF_SENDING = Duration.ofSeconds(2);
    private final SettableClock clock = new SettableClock(NOW);

    @Test
    void everyLaneHoldsTheSameTimeOfSendingAtItsOwnSendersRate() {
        assertThat(messagesTakenUntilFull(new ThroughputLimit(500, clock))).isEqualTo(1_000);
        assertThat(messagesTakenUntilFull(new ThroughputLimit(80, clock))).isEqualTo(160);
    }

    @Test
    void aSenderSlowedByMetaQueuesLessAndSendsItsOverflowBackAtItsSlowerPace() {
        ThroughputLimit limit = new ThroughputLimit(500, clock);
        limit.throttled();

        SenderLane lane = new SenderLane(limit, new PairRate(Duration.ofSeconds(6), clock), TWO_SECONDS_OF_SENDING);
        int taken = fill(lane);

        assertThat(taken).isEqualTo(500);
        sendFor(lane, 200);
        assertThat(lane.drainRate()).as("what it achieved").isEqualTo(200);
        // 300 queued, 50 above half its capacity, at 200/s
        assertThat(lane.halfDrainedAt(clock.instant())).isEqualTo(clock.instant().plusMillis(250));
    }

    @Test
    void aFullLaneThatSentNothingInTheLastSecondDrainsAtHalfItsLimitRatherThanNotAtAll() {
        SenderLane lane = new SenderLane(new ThroughputLimit(500, clock), new PairRate(Duration.ofSeconds(6), clock),
            TWO_SECONDS_OF_SENDING);
        fill(lane);

        assertThat(lane.drainRate()).isEqualTo(250);
        assertThat(lane.halfDrainedAt(NOW)).isEqualTo(NOW.plusSeconds(2));
    }

    @Test
    void aFullLaneOfASenderAtItsLimitDrainsAtItsLimit() {
        SenderLane lane = new SenderLane(new ThroughputLimit(500, clock), new PairRate(Duration.ofSeconds(6), clock),
            TWO_SECONDS_OF_SENDING);
        fill(lane);
        sendFor(lane, 500);

        assertThat(lane.drainRate()).isEqualTo(500);
    }

    /** Sends {@code count} messages from the lane, evenly at its sender's current limit, as the send loop does. */
    private void sendFor(SenderLane lane, int count) {
        Duration interval = Duration.ofSeconds(1).dividedBy(lane.throughput().currentLimit());
        for (int i = 0; i < count; i++) {
            clock.advance(interval);
            assertThat(lane.throughput().tryAcquire()).isTrue();
            lane.take();
        }
    }

    private int messagesTakenUntilFull(ThroughputLimit limit) {
        return fill(new SenderLane(limit, new PairRate(Duration.ofSeconds(6), clock), TWO_SECONDS_OF_SENDING));
    }

    private int fill(SenderLane lane) {
        int taken = 0;
        while (!lane.isFull()) {
            lane.add(message(taken++));
        }
        return taken;
    }

    private ReadyMessage message(long offset) {
        EventEnvelope envelope = EventEnvelope.of("tenant-1", new CampaignScheduled("c-1", "sender-1", 1, NOW), clock);
        return new ReadyMessage(new TopicPartition("wa.dispatch.ready", 0), offset, null, envelope, NOW);
    }
}
