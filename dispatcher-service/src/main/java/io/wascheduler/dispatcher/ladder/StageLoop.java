package io.wascheduler.dispatcher.ladder;

import io.wascheduler.dispatcher.release.ReleaseDecision;
import io.wascheduler.dispatcher.release.ReleaseGate;
import io.wascheduler.dispatcher.release.ReleaseTimer;
import io.wascheduler.model.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stage of the ladder (the intake or one tier), run by one dedicated thread. It reads its source
 * topic, holds each record until its tier span has passed since it was appended, then moves it to the
 * tier its remaining time now calls for, or into the release timer, which writes it to DISPATCH_READY at
 * its instant. Every move and release is a Kafka transaction together with the consumed offsets.
 *
 * <p>Why plain clients rather than {@code @KafkaListener}: a hold is pause + seek (or keep what was fetched,
 * see {@link PartitionHolds}) + resume at an exact instant; owning the consumer in one thread puts all three and the rebalance callbacks in one place, the
 * poll timeout is the time to the next thing due, and every pass re-checks that each paused partition has
 * a hold ({@link PartitionHolds}), so no partition can stay paused after a rebalance (the spring-kafka
 * failure mode).
 */
final class StageLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(StageLoop.class);
    /** How soon a release the gate could not decide yet is tried again: it waits for the commands tail's next read. */
    private static final Duration GATE_RETRY = Duration.ofMillis(2);
    /**
     * How often at most a stage looks at its release timer. Records due in a steady stream would otherwise wake
     * the stage for each one, and every wake costs a consumer poll; a release only becomes visible at its
     * transaction's commit, up to the transaction linger later, so a few milliseconds of batching cost little.
     */
    private static final Duration RELEASE_TICK = Duration.ofMillis(5);
    /** How often the records waiting in the tier are counted for the held gauge (one broker round trip). */
    private static final Duration HELD_COUNT_EVERY = Duration.ofSeconds(1);

    private final Stage stage;
    private final TierLadder ladder;
    private final ReleaseGate gate;
    private final ReleasePacing pacing;
    private final Consumer<String, byte[]> consumer;
    private final Supplier<Producer<String, byte[]>> producers;
    private final Clock clock;
    private final StageMetrics metrics;
    private final StageSettings settings;

    private final ReleaseTimer<TopicPartition, LadderRecord> timer;
    private final PartitionHolds holds;
    private final TierBatches tierBatches;
    private final Map<TopicPartition, Long> nextOffsets = new HashMap<>();
    private final Set<TopicPartition> advanced = new HashSet<>();
    private StageTransaction transaction;
    /** When the work not yet committed began; null while there is none. */
    private Instant uncommittedSince;
    private Instant gateRetryAt = Instant.MIN;
    private Instant nextReleasePass = Instant.MIN;
    private Instant heldCountedAt = Instant.MIN;
    private long heldInTier;
    private boolean needsRewind;
    private volatile boolean running = true;

    StageLoop(Stage stage, TierLadder ladder, ReleaseGate gate, ReleasePacing pacing, Consumer<String, byte[]> consumer,
              Supplier<Producer<String, byte[]>> producers, Clock clock, StageMetrics metrics, StageSettings settings) {
        this.stage = stage;
        this.ladder = ladder;
        this.gate = gate;
        this.pacing = pacing;
        this.consumer = consumer;
        this.producers = producers;
        this.clock = clock;
        this.metrics = metrics;
        this.settings = settings;
        this.timer = new ReleaseTimer<>(clock);
        this.holds = new PartitionHolds(consumer, ladder);
        this.tierBatches = new TierBatches(ladder.releaseHorizon(), TierBatch.MAX_BYTES);
    }

    @Override
    public void run() {
        try (Consumer<String, byte[]> owned = consumer; StageTransaction tx = new StageTransaction(producers)) {
            transaction = tx;
            owned.subscribe(List.of(stage.sourceTopic()), new Rebalance());
            while (running) {
                try {
                    runOnce();
                } catch (WakeupException e) {
                    abort();
                    needsRewind = true;
                } catch (RuntimeException e) {
                    // a failed pass leaves nothing half-done: its transaction is aborted and the stage starts
                    // again from its committed offsets, so the thread never dies on one bad pass
                    log.warn("Stage {} failed a pass, rewinding to its committed offsets: {}", stage.name(), e.toString());
                    needsRewind = true;
                    sleep(settings.maxPollWait());
                }
            }
        }
    }

    String name() {
        return stage.name();
    }

    void stop() {
        running = false;
        consumer.wakeup();
    }

    private void runOnce() {
        if (needsRewind) {
            rewind();
            needsRewind = false;
        }
        holds.resumeFinished().forEach((partition, kept) -> handle(partition, kept, Duration.ZERO));
        Duration wait = timeToNextEvent();
        if (timer.size() < settings.maxPendingReleases()) {
            ConsumerRecords<String, byte[]> records = consumer.poll(wait);
            metrics.fetched(records.count());
            for (TopicPartition partition : records.partitions()) {
                handle(partition, records.records(partition), stage.fetchWait());
            }
        } else {
            sleep(wait);
        }
        releaseDue();
        commitWhenLingered();
        if (ladder.reached(heldCountedAt.plus(HELD_COUNT_EVERY))) {
            heldCountedAt = clock.instant();
            try {
                heldInTier = recordsWaiting();
            } catch (KafkaException e) {
                // only a gauge: keep the last count rather than fail (and rewind) a pass that did its work
                log.debug("Stage {} could not count its waiting records: {}", stage.name(), e.toString());
            }
        }
        metrics.held(heldInTier, timer.size());
    }

    /**
     * Routes the records whose hold has ended, and holds the partition at the first that is not there yet.
     * {@code earlyBy}: how long before its hold ends a record may be looked at, see {@link PartitionHolds#hold}.
     */
    private void handle(TopicPartition partition, List<ConsumerRecord<String, byte[]>> records, Duration earlyBy) {
        for (int index = 0; index < records.size(); index++) {
            ConsumerRecord<String, byte[]> record = records.get(index);
            Instant holdEnds = ladder.holdEnds(Instant.ofEpochMilli(record.timestamp()), stage.hold());
            if (!ladder.reached(holdEnds.minus(earlyBy))) {
                holds.hold(partition, records.subList(index, records.size()), holdEnds, stage.fetchWait());
                return;
            }
            if (stage.isTier() && TierBatch.isBatch(record.headers())) {
                readBatch(record).ifPresent(batch -> routeBatch(partition, record.offset(), batch.readByTier()));
            } else {
                stage.reader().apply(record).map(read -> stage.isTier() ? read.readByTier() : read)
                    .ifPresent(ladderRecord -> route(partition, record.offset(), ladderRecord));
            }
            nextOffsets.put(partition, record.offset() + 1);
            advance(partition);
        }
    }

    /**
     * Into the release timer when due within the release horizon; else into the tier its remaining time calls for, in
     * its sender's open batch when it is due later than the smallest tier's span. Nearer than that it goes alone: the
     * batch is written when the transaction commits, up to a linger later, and by then a record that near might be due
     * within the horizon, where only the release timer may hold it.
     */
    private void route(TopicPartition partition, long offset, LadderRecord record) {
        Optional<Duration> tier = ladder.tierFor(record.dueAt());
        if (tier.isPresent() && !tier.get().equals(ladder.releaseHorizon())) {
            tierBatches.add(record).ifPresent(this::moveBatch);
        } else if (tier.isPresent()) {
            log.debug("{} moves {} (due {}) to tier {}", stage.name(), record.messageId(), record.dueAt(), tier.get());
            transaction.send(new ProducerRecord<>(Topics.delayTier(tier.get()).name(), null, record.messageId(),
                record.envelope(), record.headers()));
        } else {
            log.debug("{} keeps {} for release at {}", stage.name(), record.messageId(), record.dueAt());
            timer.add(partition, offset, record.dueAt(), record);
        }
    }

    private Optional<TierBatch> readBatch(ConsumerRecord<String, byte[]> record) {
        try {
            return Optional.of(TierBatch.fromKafka(record.value()));
        } catch (IllegalArgumentException e) {
            log.warn("Skipping a tier batch at {}-{}@{} the ladder cannot read: {}", record.topic(), record.partition(),
                record.offset(), e.getMessage());
            return Optional.empty();
        }
    }

    /** A batch moves on whole until its earliest member is within the release horizon; then its members go on alone. */
    private void routeBatch(TopicPartition partition, long offset, TierBatch batch) {
        ladder.tierFor(batch.dueAt()).ifPresentOrElse(tier -> moveBatch(batch, tier),
            () -> batch.unpacked().forEach(member -> route(partition, offset, member)));
    }

    private void moveBatch(TierBatch batch) {
        moveBatch(batch, ladder.tierOrSmallest(batch.dueAt()));
    }

    private void moveBatch(TierBatch batch, Duration tier) {
        log.debug("{} moves a batch of {} records of {} (earliest due {}) to tier {}", stage.name(),
            batch.members().size(), batch.members().getFirst().senderId(), batch.dueAt(), tier);
        transaction.send(batch.toKafka(Topics.delayTier(tier).name()));
    }

    private void releaseDue() {
        if (!ladder.reached(gateRetryAt) || !ladder.reached(nextReleasePass)
            || timer.nextDueAt().filter(ladder::reached).isEmpty()) {
            return;
        }
        // an open transaction holds every read_committed reader of the ready topic at its first record: a large
        // batch of due records (a backlog due at once) goes out over several commits of at most the linger each,
        // not in one transaction that the send loop could not read into until all of it is released; and the moves
        // of a long pass are committed first, so that releases always get a linger's worth of their own
        if (lingered()) {
            commit();
        }
        nextReleasePass = clock.instant().plus(RELEASE_TICK);
        timer.releaseDue(pending -> {
            if (lingered()) {
                nextReleasePass = Instant.MIN;
                return false;
            }
            LadderRecord record = pending.item();
            Optional<Instant> turn = pacing.turnWhileLaneFull(record.senderId())
                .or(() -> record.slotted() ? Optional.empty() : pacing.holdUntil(record.senderId()));
            if (turn.isPresent()) {
                // before the gate, which checks the record when its turn comes. It waits in the tiers like any record
                // due later, not in this timer: a record waiting here holds back its partition's committed offset, and
                // a crash would make the stage release again everything released after it meanwhile, more than the
                // send side's dedupe remembers
                metrics.paced();
                tierBatches.add(record.slottedAt(turn.get())).ifPresent(this::moveBatch);
                advance(pending.partition());
                return true;
            }
            Optional<ReleaseDecision> decision = gate.decide(record.messageId(), record.version(), record.dueAt(),
                record.campaignId());
            if (decision.isEmpty()) {
                gateRetryAt = clock.instant().plus(GATE_RETRY);
                return false;
            }
            apply(decision.get(), pending);
            advance(pending.partition());
            return true;
        });
    }

    private void apply(ReleaseDecision decision, ReleaseTimer.Pending<TopicPartition, LadderRecord> pending) {
        LadderRecord record = pending.item();
        switch (decision) {
            case RELEASE -> {
                if (!record.slotted()) {
                    pacing.released(record.senderId());
                }
                transaction.send(new ProducerRecord<>(Topics.DISPATCH_READY.name(), null, record.senderId(),
                    record.envelope(), record.releaseHeaders()));
                metrics.released(Duration.between(record.dueAt(), clock.instant()), record.tierReads());
                log.debug("{} releases {} attempt {}", stage.name(), record.messageId(), record.attempt());
            }
            case HOLD_CAMPAIGN_PAUSED -> {
                metrics.notReleased(decision);
                route(pending.partition(), pending.offset(),
                    record.delayedTo(clock.instant().plus(settings.pausedCampaignRecheck())));
            }
            case DROP_CANCELLED, DROP_SUPERSEDED -> {
                metrics.notReleased(decision);
                log.debug("{} drops {} version {}: {}", stage.name(), record.messageId(), record.version(), decision);
            }
        }
    }

    /**
     * Commits the work of the passes since the last commit once it is {@code transactionLinger} old, so that
     * a steady stream of moves and releases costs one transaction per linger rather than one per pass.
     */
    private void commitWhenLingered() {
        if (advanced.isEmpty()) {
            uncommittedSince = null;
            return;
        }
        if (lingered()) {
            commit();
        }
    }

    /** A partition's offset moved in the open transaction, which began with the first such move. */
    private void advance(TopicPartition partition) {
        if (uncommittedSince == null) {
            uncommittedSince = clock.instant();
        }
        advanced.add(partition);
    }

    /** Whether the open transaction is {@code transactionLinger} old: it is to be committed before more goes in. */
    private boolean lingered() {
        return uncommittedSince != null && ladder.reached(uncommittedSince.plus(settings.transactionLinger()));
    }

    /**
     * Commits with, per partition, the offset of the first record not yet done; the tier batches still open go into
     * the transaction first, as it commits their members' offsets.
     */
    private void commit() {
        tierBatches.drain().forEach(this::moveBatch);
        uncommittedSince = null;
        if (advanced.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : advanced) {
            long next = timer.lowestPendingOffset(partition).orElse(nextOffsets.get(partition));
            offsets.put(partition, new OffsetAndMetadata(next));
        }
        transaction.commit(offsets, consumer.groupMetadata());
        advanced.clear();
    }

    private Duration timeToNextEvent() {
        Instant now = clock.instant();
        Instant next = now.plus(settings.maxPollWait());
        Optional<Instant> holdEnds = holds.nextEnd();
        if (holdEnds.isPresent() && holdEnds.get().isBefore(next)) {
            next = holdEnds.get();
        }
        Optional<Instant> releaseAt = timer.nextDueAt().map(at -> latest(at, gateRetryAt, nextReleasePass));
        if (releaseAt.isPresent() && releaseAt.get().isBefore(next)) {
            next = releaseAt.get();
        }
        if (uncommittedSince != null && uncommittedSince.plus(settings.transactionLinger()).isBefore(next)) {
            next = uncommittedSince.plus(settings.transactionLinger());
        }
        Duration wait = Duration.between(now, next);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    private static Instant latest(Instant first, Instant second, Instant third) {
        Instant later = first.isBefore(second) ? second : first;
        return later.isBefore(third) ? third : later;
    }

    /**
     * Records in this stage's assigned partitions not done with yet: end offset minus position, and the records
     * fetched and kept behind a hold, which are past the position. The consumer
     * knows the lag of a partition it fetches; the broker is asked only for the others (a held partition is
     * paused, and its consumer knows no lag), so an idle tier costs no request.
     */
    private long recordsWaiting() {
        Set<TopicPartition> paused = consumer.paused();
        Set<TopicPartition> ask = new HashSet<>();
        long waiting = holds.keptRecords();
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong lag = paused.contains(partition) ? OptionalLong.empty() : consumer.currentLag(partition);
            if (lag.isPresent()) {
                waiting += lag.getAsLong();
            } else {
                ask.add(partition);
            }
        }
        if (!ask.isEmpty()) {
            for (Map.Entry<TopicPartition, Long> end : consumer.endOffsets(ask).entrySet()) {
                waiting += Math.max(0, end.getValue() - consumer.position(end.getKey()));
            }
        }
        return waiting;
    }

    /** The open transaction is given up, and with it the tier batches that were to go into it. */
    private void abort() {
        transaction.abort();
        tierBatches.clear();
    }

    /** After a failed pass: drop everything in memory and start again from what was committed. */
    private void rewind() {
        transaction.reset();
        tierBatches.clear();
        Set<TopicPartition> assignment = consumer.assignment();
        forget(assignment);
        holds.resume(assignment);
        consumer.committed(assignment).forEach((partition, committed) -> {
            if (committed == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, committed.offset());
            }
        });
    }

    /**
     * A transaction may still be open when the group takes partitions away (it lingers across passes): what
     * was done is committed while the partitions are still this stage's; if that fails it is aborted and
     * everything still assigned is read again from its committed offsets, so nothing is lost or doubled.
     */
    private void commitBeforeRevocation() {
        try {
            commit();
        } catch (KafkaException e) {
            log.warn("Stage {} could not commit before a rebalance, rewinding: {}", stage.name(), e.toString());
            abort();
            needsRewind = true;
        }
    }

    private void forget(Collection<TopicPartition> partitions) {
        timer.forget(partitions);
        holds.forget(partitions);
        partitions.forEach(partition -> {
            nextOffsets.remove(partition);
            advanced.remove(partition);
        });
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs inside poll, while the transaction of earlier passes may be open. Revoked partitions are committed,
     * then forgotten: their new owner reads them again from the committed offsets, which never pass a record
     * still waiting here. Lost partitions can no longer be committed: the open transaction is aborted and the
     * partitions still held are read again from their committed offsets.
     */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            commitBeforeRevocation();
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            if (!advanced.isEmpty()) {
                abort();
                needsRewind = true;
            }
            forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            holds.resume(partitions);
        }
    }
}
