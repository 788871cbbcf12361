package io.wascheduler.sandbox.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

/**
 * The runtime switches as {@code /sandbox/config} shows and takes them, durations in milliseconds. In a
 * {@code PUT} every field is optional: an absent one keeps its current value.
 */
record Switches(@Min(0) Long sentDelayMs, @Min(0) Long deliveredDelayMs, @Min(0) Long readDelayMs,
        @DecimalMin("0") @DecimalMax("1") Double deliveredProbability,
        @DecimalMin("0") @DecimalMax("1") Double readProbability,
        @DecimalMin("0") @DecimalMax("1") Double duplicateProbability,
        @DecimalMin("0") @DecimalMax("1") Double reorderProbability,
        @Positive Integer batchSize, @Min(0) Long batchLingerMs,
        @Min(0) Long latencyFixedMs, @Min(0) Long latencyJitterMs, Map<String, @Min(0) Long> latencyPerNumberMs,
        Map<String, @Valid NumberFaults> faultsPerNumber) {

    static Switches of(StatusSettings s, LatencySettings l, FaultSettings f) {
        Map<String, Long> perNumber = new HashMap<>();
        l.perNumber().forEach((number, extra) -> perNumber.put(number, extra.toMillis()));
        return new Switches(s.sentDelay().toMillis(), s.deliveredDelay().toMillis(), s.readDelay().toMillis(),
                s.deliveredProbability(), s.readProbability(), s.duplicateProbability(), s.reorderProbability(),
                s.batchSize(), s.batchLinger().toMillis(), l.fixed().toMillis(), l.jitter().toMillis(), perNumber,
                f.perNumber());
    }

    StatusSettings overStatuses(StatusSettings s) {
        return new StatusSettings(millisOr(sentDelayMs, s.sentDelay()), millisOr(deliveredDelayMs, s.deliveredDelay()),
                millisOr(readDelayMs, s.readDelay()), or(deliveredProbability, s.deliveredProbability()),
                or(readProbability, s.readProbability()), or(duplicateProbability, s.duplicateProbability()),
                or(reorderProbability, s.reorderProbability()), or(batchSize, s.batchSize()),
                millisOr(batchLingerMs, s.batchLinger()));
    }

    LatencySettings overLatency(LatencySettings l) {
        Map<String, Duration> perNumber = l.perNumber();
        if (latencyPerNumberMs != null) {
            perNumber = new HashMap<>();
            for (var extra : latencyPerNumberMs.entrySet()) {
                perNumber.put(extra.getKey(), Duration.ofMillis(extra.getValue()));
            }
        }
        return new LatencySettings(millisOr(latencyFixedMs, l.fixed()), millisOr(latencyJitterMs, l.jitter()),
                perNumber);
    }

    /** A map given replaces the whole map: {@code {}} clears every number's faults. */
    FaultSettings overFaults(FaultSettings f) {
        return faultsPerNumber == null ? f : new FaultSettings(faultsPerNumber);
    }

    private static Duration millisOr(Long millis, Duration current) {
        return millis == null ? current : Duration.ofMillis(millis);
    }

    private static <T> T or(T value, T current) {
        return value == null ? current : value;
    }
}
