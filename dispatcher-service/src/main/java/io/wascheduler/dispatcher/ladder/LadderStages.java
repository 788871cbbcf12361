package io.wascheduler.dispatcher.ladder;

import io.micrometer.core.instrument.MeterRegistry;
import io.wascheduler.dispatcher.DispatcherProperties;
import io.wascheduler.dispatcher.KafkaClients;
import io.wascheduler.dispatcher.release.ReleaseGate;
import io.wascheduler.model.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Runs the intake and one stage per tier, each on its own thread, for as long as the application runs. */
@Component
class LadderStages implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LadderStages.class);

    private static final int MAX_POLL_RECORDS = 500;

    private final List<StageLoop> loops = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    LadderStages(DispatcherProperties properties, KafkaClients kafka, ReleaseGate gate, Clock clock,
                 MeterRegistry registry, CommandIntake intake, ReleasePacing pacing) {
        TierLadder ladder = new TierLadder(properties.tiers(), clock);
        StageSettings settings = new StageSettings(properties.maxPendingReleases(), properties.maxPollWait(),
            properties.pausedCampaignRecheck(), properties.transactionLinger());
        List<Stage> stages = new ArrayList<>();
        stages.add(new Stage("intake", Topics.MESSAGE_COMMANDS.name(), Duration.ZERO, intake::read));
        for (Duration span : ladder.spans()) {
            stages.add(new Stage("tier-" + span.toSeconds() + "s", Topics.delayTier(span).name(), span,
                LadderStages::readTierRecord));
        }
        for (Stage stage : stages) {
            loops.add(new StageLoop(stage, ladder, gate, pacing,
                kafka.consumer(stage.consumerGroup(), MAX_POLL_RECORDS, stage.fetchWait()),
                () -> kafka.transactionalProducer(stage.name()), clock, new StageMetrics(registry, stage.name()),
                settings));
        }
    }

    /** A record without the ladder's headers (written by something else) is skipped, never retried forever. */
    private static Optional<LadderRecord> readTierRecord(ConsumerRecord<String, byte[]> record) {
        try {
            return Optional.of(LadderRecord.fromKafka(record.key(), record.value(), record.headers()));
        } catch (RuntimeException e) {
            log.warn("Skipping a record of {}-{}@{} the ladder cannot route: {}", record.topic(), record.partition(),
                record.offset(), e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void start() {
        for (StageLoop loop : loops) {
            Thread thread = Thread.ofPlatform().daemon(true).name("wa-stage-" + loop.name()).start(loop);
            threads.add(thread);
        }
        running = true;
    }

    @Override
    public void stop() {
        loops.forEach(StageLoop::stop);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
