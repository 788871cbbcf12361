package io.wascheduler.dispatcher.release;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.wascheduler.dispatcher.DispatcherProperties;
import io.wascheduler.dispatcher.KafkaClients;
import io.wascheduler.dispatcher.command.CommandFields;
import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Makes a cancel or edit published up to the instant of release win, however close to it. The global
 * table of latest commands is some milliseconds behind the topic; this tail follows MESSAGE_COMMANDS from
 * the moment the service starts, keeps each command only until the global table shows it, and answers
 * "has every command appended before instant T been read?" by asking the broker for the end offsets (at
 * or after T) and comparing its own position. A release of a record due at T waits for that answer, so a
 * command committed before T is always seen, a few milliseconds later at most.
 *
 * <p>The end offsets are asked through an admin client rather than the tail's consumer: the broker answers
 * a connection's requests in order, so on the consumer's connection the question would wait behind its
 * long-polling fetch (up to {@code fetch.max.wait.ms}, half a second), and so would every release.
 */
@Component
class CommandsTail implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CommandsTail.class);
    /** Short, because a release may be waiting for the next end-offset probe. */
    private static final Duration POLL = Duration.ofMillis(5);
    private static final Duration EVICT_EVERY = Duration.ofMillis(500);
    /** A probe not answered in this time is given up and asked again; releases wait meanwhile. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    /** While the tail is behind an answered probe, at most one more probe per this long (see {@link TailProgress}). */
    private static final Duration PROBE_SPACING_WHILE_BEHIND = Duration.ofMillis(10);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Admin admin;
    private final LatestCommands table;
    private final Clock clock;
    private final int maxKept;
    private final KeptCommands kept = new KeptCommands();
    /** The latest instant a release asked about; kept exact, because a probe sent before it cannot prove it. */
    private final AtomicReference<Instant> wanted = new AtomicReference<>(Instant.MIN);
    private final TailProgress<TopicPartition> progress = new TailProgress<>(PROBE_SPACING_WHILE_BEHIND);
    private volatile Instant coveredUntil = Instant.MIN;
    private volatile Instant startedAt = Instant.MAX;
    private volatile boolean running;
    private Thread thread;

    CommandsTail(KafkaClients kafka, LatestCommands table, Clock clock, DispatcherProperties properties,
                 MeterRegistry registry) {
        this.maxKept = properties.maxKeptCommands();
        this.consumer = kafka.reader("commands-tail");
        this.admin = kafka.admin("commands-tail");
        this.table = table;
        this.clock = clock;
        Gauge.builder("wa.dispatcher.release.commands-behind", this, tail -> tail.behind().toMillis())
            .description("While a release waits for the commands tail: how old its proof of having read every "
                + "command is (0 when no release waits)")
            .baseUnit("milliseconds").register(registry);
        Gauge.builder("wa.dispatcher.release.commands-kept", this, tail -> tail.size())
            .description("Commands the tail has read that the global table does not show yet").register(registry);
    }

    /** While a release waits for the tail: how old the tail's proof is (since its start, before the first proof). */
    private Duration behind() {
        Instant covered = coveredUntil;
        if (!wanted.get().isAfter(covered)) {
            return Duration.ZERO;
        }
        return Duration.between(covered.isAfter(startedAt) ? covered : startedAt, clock.instant());
    }

    /** True once every command appended before {@code instant} has been read; otherwise asks for a probe. */
    boolean covers(Instant instant) {
        if (!coveredUntil.isBefore(instant)) {
            return true;
        }
        wanted.accumulateAndGet(instant, (current, asked) -> asked.isAfter(current) ? asked : current);
        return false;
    }

    /** The latest command read here for the message and not yet shown by the global table; null if none. */
    KeptCommand kept(String messageId) {
        return kept.latest(messageId);
    }

    int size() {
        return kept.messages();
    }

    @Override
    public void start() {
        List<TopicPartition> partitions = commandPartitions();
        consumer.assign(partitions);
        // from the end as it is now, before the global table starts: between them they hold every command
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        startedAt = clock.instant();
        running = true;
        thread = Thread.ofPlatform().daemon(true).name("wa-commands-tail").start(() -> follow(partitions));
    }

    /**
     * Waits until the broker shows the topic's partitions: a topic created a moment ago may have none yet,
     * and a tail assigned no partition could never prove its progress, so every release would wait forever.
     */
    private List<TopicPartition> commandPartitions() {
        while (true) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.MESSAGE_COMMANDS.name()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            log.info("{} has no partitions yet; asking again", Topics.MESSAGE_COMMANDS.name());
            sleep();
        }
    }

    private void follow(List<TopicPartition> partitions) {
        Instant lastEviction = clock.instant();
        try (consumer; admin) {
            while (running) {
                try {
                    lastEviction = followOnce(partitions, lastEviction);
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // releases wait while the tail cannot prove its progress; it never stops trying
                    log.warn("The commands tail failed a pass, trying again: {}", e.toString());
                    sleep();
                }
            }
        } catch (WakeupException e) {
            log.debug("Stopped following the commands");
        }
    }

    /** One read, probe and eviction pass; returns when the kept commands were last swept. */
    private Instant followOnce(List<TopicPartition> partitions, Instant lastEviction) {
        if (kept.entries() < maxKept) {
            consumer.poll(POLL).forEach(this::keep);
        } else {
            sleep();
        }
        partitions.forEach(partition -> progress.readUpTo(partition, consumer.position(partition)));
        Instant now = clock.instant();
        if (progress.needsProbeFor(wanted.get(), now)) {
            progress.probed(now, endOffsets(partitions));
        }
        coveredUntil = progress.coveredUntil();
        if (!clock.instant().isBefore(lastEviction.plus(EVICT_EVERY))) {
            kept.dropShown(table::shows);
            return clock.instant();
        }
        return lastEviction;
    }

    private Map<TopicPartition, Long> endOffsets(List<TopicPartition> partitions) {
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
            .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
        try {
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin
                .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return ends.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while asking for the commands' end offsets", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("Could not ask for the commands' end offsets", e);
        }
    }

    private void keep(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null || record.value() == null || EventCodec.isFirstSchedule(record.value())) {
            return;
        }
        try {
            KeptCommand.of(CommandFields.read(record.value()))
                .ifPresent(command -> kept.keep(record.partition(), record.key(), command));
        } catch (RuntimeException e) {
            log.warn("Skipping an unreadable command at {}-{}@{}", record.topic(), record.partition(), record.offset());
        }
    }

    private void sleep() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the global table, so that nothing falls between the table's restore and this tail. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 200;
    }
}
