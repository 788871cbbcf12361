package io.wascheduler.benchmarks.ladder;

import io.wascheduler.benchmarks.MachineInfo;
import io.wascheduler.dispatcher.ladder.TierLadder;
import io.wascheduler.model.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * {@code ./dev bench ladder-work}: how many times the delay tiers read a message before its release, per
 * lead time, on the default ladder. It drives the dispatcher's own {@link TierLadder} (the code that picks
 * a tier and ends a hold) with a simulated clock, hop by hop as a stage does: enter the tier
 * {@code tierFor} names, be appended {@code APPEND_LATENCY} later, be read again when
 * {@code holdEnds} is reached plus {@code READ_LATENCY}; until {@code tierFor} hands it to the release
 * timer. No broker is involved, so 30 days take no time; the real stack reports the same count per
 * released message as {@code wa.dispatcher.release.tier-reads}.
 */
public final class LadderWorkBenchmark {

    private static final Duration APPEND_LATENCY = Duration.ofMillis(5);
    private static final Duration READ_LATENCY = Duration.ofMillis(5);
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final int SWEEP_SAMPLES = 10_000;

    private LadderWorkBenchmark() {
    }

    public static void main(String[] args) {
        Map<String, Duration> leadTimes = new LinkedHashMap<>();
        leadTimes.put("1 s", Duration.ofSeconds(1));
        leadTimes.put("1 min", Duration.ofMinutes(1));
        leadTimes.put("1 h", Duration.ofHours(1));
        leadTimes.put("1 day", Duration.ofDays(1));
        leadTimes.put("30 days", Duration.ofDays(30));
        leadTimes.put("365 days", Duration.ofDays(365));
        System.out.printf("ladder: %d tiers, %s%n", Topics.DEFAULT_DELAY_LADDER.size(), Topics.DEFAULT_DELAY_LADDER);
        System.out.println("lead time | tier reads at exactly this lead | over [lead, 2 x lead): mean / max");
        LongAccumulator lateHandoff = new LongAccumulator(Math::max, 0);
        leadTimes.forEach((label, lead) -> {
            long sumReads = 0;
            int maxReads = 0;
            for (int i = 0; i < SWEEP_SAMPLES; i++) {
                Duration sampled = lead.plus(Duration.ofMillis(lead.toMillis() * i / SWEEP_SAMPLES));
                int reads = tierReads(sampled, lateHandoff);
                sumReads += reads;
                maxReads = Math.max(maxReads, reads);
            }
            System.out.printf("%-9s | %d | %.2f / %d%n", label, tierReads(lead, lateHandoff), (double) sumReads / SWEEP_SAMPLES, maxReads);
        });
        System.out.printf("latest hand-over to the release timer after the instant: %d ms (append + read latency "
            + "simulated as %d + %d ms per hop)%n", lateHandoff.get(), APPEND_LATENCY.toMillis(), READ_LATENCY.toMillis());
        System.out.println(MachineInfo.describe());
    }

    /**
     * The number of tier reads of a message scheduled {@code lead} ahead, as the stages would make them; how
     * late it reached the release timer goes into {@code lateHandoffs} (a tier hold may end up to the append
     * latency after the instant, which is why the release timer, not the tiers, decides the release).
     */
    static int tierReads(Duration lead, LongAccumulator lateHandoffs) {
        MovableClock clock = new MovableClock(START);
        TierLadder ladder = new TierLadder(Topics.DEFAULT_DELAY_LADDER, clock);
        Instant dueAt = START.plus(lead);
        int reads = 0;
        Optional<Duration> tier = ladder.tierFor(dueAt);
        while (tier.isPresent()) {
            Instant appendedAt = clock.instant().plus(APPEND_LATENCY);
            clock.set(ladder.holdEnds(appendedAt, tier.get()).plus(READ_LATENCY));
            reads++;
            tier = ladder.tierFor(dueAt);
        }
        lateHandoffs.accumulate(Math.max(0, Duration.between(dueAt, clock.instant()).toMillis()));
        return reads;
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
