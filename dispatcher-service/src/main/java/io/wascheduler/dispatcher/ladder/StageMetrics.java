package io.wascheduler.dispatcher.ladder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wascheduler.dispatcher.release.ReleaseDecision;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one stage reports: release lateness, records fetched from and waiting in its tier, records in its timer,
 * records not released by reason.
 */
final class StageMetrics {

    private final Timer lateness;
    private final DistributionSummary tierReads;
    private final Map<ReleaseDecision, Counter> notReleased = new EnumMap<>(ReleaseDecision.class);
    private final Counter paced;
    private final Counter fetched;
    private final AtomicLong heldInTier = new AtomicLong();
    private final AtomicLong waitingInTimer = new AtomicLong();

    StageMetrics(MeterRegistry registry, String stage) {
        lateness = Timer.builder("wa.dispatcher.release.lateness")
            .description("Release instant minus the instant the record was due (sendAt or retry instant)")
            .tag("stage", stage)
            .publishPercentileHistogram()
            .register(registry);
        tierReads = DistributionSummary.builder("wa.dispatcher.release.tier-reads")
            .description("Times a delay tier read a released record since it entered the ladder (the ladder's work per message)")
            .tag("stage", stage)
            .publishPercentileHistogram()
            .register(registry);
        for (ReleaseDecision decision : ReleaseDecision.values()) {
            if (decision != ReleaseDecision.RELEASE) {
                String name = decision.drops() ? "wa.dispatcher.release.dropped" : "wa.dispatcher.release.held-back";
                notReleased.put(decision, Counter.builder(name).tag("stage", stage).tag("reason", decision.name())
                    .register(registry));
            }
        }
        paced = Counter.builder("wa.dispatcher.release.paced")
            .description("Due records held back in the ladder until their sender's turn, its rate taken")
            .tag("stage", stage).register(registry);
        fetched = Counter.builder("wa.dispatcher.tier.fetched")
            .description("Records this stage's consumer fetched from its source topic; a record fetched again after a hold counts again")
            .tag("stage", stage).register(registry);
        Gauge.builder("wa.dispatcher.tier.held", heldInTier, AtomicLong::get)
            .description("Records waiting in this stage's source topic (consumer lag of this instance)")
            .tag("stage", stage).register(registry);
        Gauge.builder("wa.dispatcher.release.waiting", waitingInTimer, AtomicLong::get)
            .description("Records in this stage's in-memory release timer").tag("stage", stage).register(registry);
    }

    void released(Duration lateBy, int readsByTiers) {
        lateness.record(lateBy.isNegative() ? Duration.ZERO : lateBy);
        tierReads.record(readsByTiers);
    }

    void notReleased(ReleaseDecision decision) {
        notReleased.get(decision).increment();
    }

    void paced() {
        paced.increment();
    }

    void fetched(int records) {
        fetched.increment(records);
    }

    void held(long inTier, int inTimer) {
        heldInTier.set(inTier);
        waitingInTimer.set(inTimer);
    }
}
