package io.wascheduler.dispatcher.send;

import io.wascheduler.dispatcher.DispatcherProperties;
import io.wascheduler.dispatcher.EventsProducer;
import io.wascheduler.dispatcher.errors.MetaErrorTable;
import io.wascheduler.dispatcher.ladder.LadderEntrance;
import io.wascheduler.dispatcher.ladder.LadderRecord;
import io.wascheduler.dispatcher.outcome.OutcomePublisher;
import io.wascheduler.dispatcher.sender.CredentialsClient;
import io.wascheduler.dispatcher.sender.SenderCredentials;
import io.wascheduler.dispatcher.sender.SenderDirectory;
import io.wascheduler.model.event.MetaError;
import io.wascheduler.model.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Sends released messages, run by one dedicated thread. DISPATCH_READY is keyed by sender, so this
 * instance alone owns each of its senders' limits. A record goes to its sender's lane; lanes are served in
 * turn as their throughput and pair rate allow; requests run without blocking; their results come back
 * through a queue to this thread, which publishes the outcome, sends a retry back through the ladder and
 * only then lets the offset be committed (outcomes and re-entries are flushed before each commit). The flush
 * runs on its own thread and the commit is asynchronous: on a busy broker either can take tens of
 * milliseconds, during which this thread would otherwise start no request.
 */
final class SendLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(SendLoop.class);
    private static final Duration BUSY_POLL = Duration.ofMillis(5);
    private static final Duration COMMIT_EVERY = Duration.ofMillis(200);
    private static final int REMEMBERED_ATTEMPTS = 100_000;

    private final Consumer<String, byte[]> consumer;
    private final Collaborators with;
    private final DispatcherProperties.Sending sending;
    private final Duration maxPollWait;
    private final Clock clock;

    private final SenderLanes lanes;
    private final Queue<Completion> completions = new ConcurrentLinkedQueue<>();
    private final InFlight inFlight = new InFlight();
    private final OffsetBook offsets = new OffsetBook();
    private final SentRecently sent = new SentRecently(REMEMBERED_ATTEMPTS);
    private boolean backpressured;
    private Instant nextCommit = Instant.MIN;
    private final ExecutorService flusher =
        Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon(true).name("wa-send-flush").factory());
    /** The offsets whose outcomes and re-entries are being flushed, to be committed once they are; null when none. */
    private Flushing flushing;
    private volatile boolean running = true;

    SendLoop(Consumer<String, byte[]> consumer, Collaborators with, DispatcherProperties properties, Clock clock) {
        this.consumer = consumer;
        this.with = with;
        this.sending = properties.sending();
        this.maxPollWait = properties.maxPollWait();
        this.clock = clock;
        this.lanes = new SenderLanes(with.directory(), with.credentials(), with.outcomes(), sending, clock);
    }

    /** What the loop works with, beside its consumer. */
    record Collaborators(CloudApiClient api, CredentialsClient credentials, SenderDirectory directory,
                         OutcomePublisher outcomes, LadderEntrance entrance, EventsProducer events,
                         AttemptResults results, OutcomeHistory history, SendMetrics metrics,
                         DeliveryConfirmations confirmations) {
    }

    /** @param throughputMps the sender's rate as scheduler-api reported it with its token; 0 when unknown */
    private record Completion(ReadyMessage message, SendResult result, Instant sentAt, int throughputMps) {
    }

    private record Flushing(Map<TopicPartition, OffsetAndMetadata> offsets, CompletableFuture<Void> done) {
    }

    @Override
    public void run() {
        try {
            with.history().replay(sending.dedupeLookback(), sent::remember);
        } catch (RuntimeException e) {
            log.warn("Could not read back the attempts made lately; only this process's own are known: {}", e.toString());
        }
        awaitSenderDirectory();
        consumer.subscribe(List.of(Topics.DISPATCH_READY.name()), new Rebalance());
        try {
            while (running) {
                try {
                    runOnce();
                } catch (WakeupException e) {
                    log.debug("Send loop woken up to stop");
                } catch (RuntimeException e) {
                    // nothing is committed past an unfinished record, so a failed pass loses nothing
                    log.warn("Send loop failed a pass: {}", e.toString(), e);
                }
            }
        } finally {
            awaitInFlight(consumer.assignment());
            commit();
            consumer.close();
            flusher.shutdown();
        }
    }

    /** Sending before the senders' pauses and rates are known could send for a sender paused before a restart. */
    private void awaitSenderDirectory() {
        while (running && !with.directory().caughtUp()) {
            try {
                Thread.sleep(maxPollWait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    void stop() {
        running = false;
        consumer.wakeup();
    }

    private void runOnce() {
        lanes.applyChanges();
        handleCompletions();
        dispatch();
        applyBackpressure();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(pollWait())) {
            accept(record);
        }
        dispatch();
        commitFlushed();
        if (!clock.instant().isBefore(nextCommit)) {
            flushInBackground();
            lanes.reportRates(with.metrics());
            nextCommit = clock.instant().plus(COMMIT_EVERY);
        }
        with.metrics().load(inFlight.total(), inFlight.peak(), lanes.queued());
    }

    /** A message sent straight back (its lane full) is routed by the record's headers and never parsed. */
    private void accept(ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        offsets.opened(partition, record.offset());
        Instant now = clock.instant();
        Optional<LadderRecord> routed = ReadyMessage.route(record);
        if (routed.isEmpty()) {
            skipUnreadable(partition, record.offset());
            return;
        }
        with.metrics().read(record.timestamp(), now.toEpochMilli());
        SenderLane lane = lanes.of(routed.get().senderId());
        if (lane.isFull()) {
            with.entrance().enterAtNextTurn(routed.get(), lane.halfDrainedAt(now), lane.drainRate());
            sentBack(partition, record.offset(), "lane-full");
            return;
        }
        ReadyMessage.read(partition, record.offset(), routed.get(), now)
            .ifPresentOrElse(lane::add, () -> skipUnreadable(partition, record.offset()));
    }

    private void skipUnreadable(TopicPartition partition, long offset) {
        log.warn("Skipping unreadable released record at {}@{}", partition, offset);
        offsets.finished(partition, offset);
    }

    /** Serves the lanes in turn, one message each per round, while requests may still start. */
    private void dispatch() {
        boolean progress = true;
        while (progress && inFlight.total() < sending.maxInFlight()) {
            progress = false;
            for (SenderLane lane : lanes.all()) {
                if (inFlight.total() >= sending.maxInFlight()) {
                    break;
                }
                progress |= dispatchOne(lane);
            }
        }
    }

    /** @return whether a message left the lane */
    private boolean dispatchOne(SenderLane lane) {
        ReadyMessage message = lane.peek();
        if (message == null) {
            return false;
        }
        if (lane.paused()) {
            List<ReadyMessage> held = lane.takeAll();
            held.forEach(m -> delay(m, clock.instant().plus(sending.pausedSenderRecheck()), "sender-paused"));
            return true;
        }
        if (sent.contains(message.attemptKey())) {
            log.debug("Skipping {}: attempt {} was made already", message.record().messageId(), message.attempt());
            with.metrics().duplicateSkipped();
            lane.take();
            offsets.finished(message.partition(), message.offset());
            return true;
        }
        var blockedUntil = lane.pairRate().blockedUntil(message.message().to());
        if (blockedUntil.isPresent()) {
            lane.take();
            delay(message, blockedUntil.get(), "pair-rate");
            return true;
        }
        if (!lane.throughput().tryAcquire()) {
            return false;
        }
        lane.take();
        start(message, lane);
        return true;
    }

    private void start(ReadyMessage message, SenderLane lane) {
        log.debug("Sending {} attempt {}", message.record().messageId(), message.attempt());
        sent.remember(message.attemptKey());
        Instant sentAt = lane.pairRate().sent(message.message().to());
        with.metrics().requestStarted(Duration.between(message.readAt(), sentAt));
        inFlight.started(message.partition());
        with.credentials().credentialsOf(message.record().senderId())
            .flatMap(credentials -> sendUnlessTaken(message, credentials)
                .map(result -> new Completion(message, result, sentAt, credentials.throughputMps())))
            .onErrorResume(error -> Mono.just(new Completion(message, new SendResult.Rejected(new MetaError(
                MetaErrorTable.CREDENTIALS_UNAVAILABLE, "Sender credentials unavailable",
                error.getClass().getSimpleName())), sentAt, 0)))
            .subscribe(completions::add);
    }

    /**
     * After an attempt whose answer was lost, Meta's status webhooks (as the status-projector holds them) are
     * asked first: if they show this version with a wamid, Meta took it and it is not sent a second time.
     */
    private Mono<SendResult> sendUnlessTaken(ReadyMessage message, SenderCredentials credentials) {
        Mono<SendResult> send = Mono.defer(() -> with.api().send(credentials, message.message()));
        if (!message.record().afterLostAnswer()) {
            return send;
        }
        return with.confirmations().wamidOf(message.record().messageId(), message.record().version())
            .doOnNext(wamid -> with.metrics().takenDespiteLostAnswer())
            .<SendResult>map(SendResult.Accepted::new)
            .switchIfEmpty(send);
    }

    private void handleCompletions() {
        for (Completion completion = completions.poll(); completion != null; completion = completions.poll()) {
            ReadyMessage message = completion.message();
            log.debug("Send of {} attempt {} ended: {}", message.record().messageId(), message.attempt(),
                completion.result());
            inFlight.ended(message.partition());
            with.metrics().answered(Duration.between(completion.sentAt(), clock.instant()));
            lanes.learnThroughput(message.record().senderId(), completion.throughputMps());
            with.results().record(message, lanes.of(message.record().senderId()), completion.result(), completion.sentAt());
            offsets.finished(message.partition(), message.offset());
        }
    }

    /** Sends a message back through the ladder without an attempt, to be looked at again at {@code at}. */
    private void delay(ReadyMessage message, Instant at, String reason) {
        with.entrance().enter(message.record().delayedTo(at));
        sentBack(message.partition(), message.offset(), reason);
    }

    /** A released record went back into the ladder without an attempt. */
    private void sentBack(TopicPartition partition, long offset, String reason) {
        with.metrics().sentBack(reason);
        offsets.finished(partition, offset);
    }

    /** Too many messages waiting in lanes: stop reading until they drain. Paused means backpressured, always. */
    private void applyBackpressure() {
        boolean full = lanes.queued() >= sending.maxQueued();
        if (full && !backpressured) {
            consumer.pause(consumer.assignment());
        } else if (!full && !consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
        backpressured = full;
    }

    /** Short while answers are awaited; otherwise until the first waiting lane has budget again. */
    private Duration pollWait() {
        if (inFlight.total() > 0 || !completions.isEmpty()) {
            return BUSY_POLL;
        }
        Instant now = clock.instant();
        Instant next = now.plus(maxPollWait);
        for (SenderLane lane : lanes.all()) {
            if (lane.size() > 0) {
                Instant permit = lane.throughput().nextPermitAt().orElse(now);
                next = permit.isBefore(next) ? permit : next;
            }
        }
        Duration wait = Duration.between(now, next);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    /** Starts flushing the outcomes and re-entries of what is finished, unless a flush is still running. */
    private void flushInBackground() {
        if (flushing != null) {
            return;
        }
        with.entrance().sendTurnsWaiting();
        Map<TopicPartition, OffsetAndMetadata> committable = offsets.takeCommittable();
        if (!committable.isEmpty()) {
            flushing = new Flushing(committable, CompletableFuture.runAsync(with.events()::flush, flusher));
        }
    }

    /** Commits, without waiting for the broker, the offsets whose flush has ended. */
    private void commitFlushed() {
        if (flushing == null || !flushing.done().isDone()) {
            return;
        }
        Flushing flush = flushing;
        flushing = null;
        if (flush.done().isCompletedExceptionally()) {
            log.warn("Send loop could not flush its outcomes, will again with the next commit: {}",
                flush.done().exceptionNow().toString());
            offsets.uncommitted(flush.offsets().keySet());
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> flushed = new HashMap<>(flush.offsets());
        flushed.keySet().retainAll(consumer.assignment());
        if (!flushed.isEmpty()) {
            consumer.commitAsync(flushed, (committed, error) -> {
                if (error != null) {
                    log.warn("Send loop could not commit its offsets, will again with the next: {}", error.toString());
                    offsets.uncommitted(committed.keySet());
                }
            });
        }
    }

    /**
     * Flushes outcomes and re-entries, then commits what is finished, waiting for the broker (stop, rebalance).
     * The offsets of a background flush still running go along: this flush covers their records as well.
     */
    private void commit() {
        Map<TopicPartition, OffsetAndMetadata> committable = new HashMap<>(flushing == null ? Map.of() : flushing.offsets());
        flushing = null;
        with.entrance().sendTurnsWaiting();
        with.events().flush();
        committable.putAll(offsets.takeCommittable());
        committable.keySet().retainAll(consumer.assignment());
        if (!committable.isEmpty()) {
            consumer.commitSync(committable);
        }
    }

    private void awaitInFlight(Collection<TopicPartition> partitions) {
        Instant deadline = clock.instant().plus(sending.requestTimeout()).plusSeconds(1);
        while (inFlight.anyFrom(partitions)
            && clock.instant().isBefore(deadline)) {
            handleCompletions();
            try {
                Thread.sleep(BUSY_POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        handleCompletions();
    }

    /**
     * Runs inside poll. On revocation the queued messages of those partitions are dropped (the new owner
     * reads them again), the requests in flight are awaited so that the new owner does not send them
     * twice, and what is finished is committed before the partitions go.
     */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            lanes.dropFrom(partitions);
            awaitInFlight(partitions);
            commit();
            offsets.forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            lanes.dropFrom(partitions);
            offsets.forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            lanes.partitionsAssigned();
            if (!backpressured) {
                consumer.resume(partitions);
            }
        }
    }
}
