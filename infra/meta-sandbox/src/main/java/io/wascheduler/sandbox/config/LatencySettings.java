package io.wascheduler.sandbox.config;

import java.time.Duration;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Latency added to every answer of the send endpoint: a fixed part, a random extra up to {@code jitter},
 * and a per-number extra (benchmarks use it to make one sender slow).
 */
public record LatencySettings(Duration fixed, Duration jitter, Map<String, Duration> perNumber) {

    public static final LatencySettings NONE = new LatencySettings(null, null, null);

    public LatencySettings {
        fixed = fixed == null ? Duration.ZERO : fixed;
        jitter = jitter == null ? Duration.ZERO : jitter;
        perNumber = perNumber == null ? Map.of() : Map.copyOf(perNumber);
    }

    public Duration latencyFor(String phoneNumberId, RandomGenerator random) {
        Duration extra = perNumber.getOrDefault(phoneNumberId, Duration.ZERO);
        long jitterNanos = jitter.isZero() ? 0 : random.nextLong(jitter.toNanos() + 1);
        return fixed.plus(extra).plusNanos(jitterNanos);
    }
}
