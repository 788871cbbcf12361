package io.wascheduler.sandbox.config;

import java.util.Map;

import jakarta.validation.Valid;

/**
 * Failures injected per business number, beyond the magic recipients: a share of its sends answered with an
 * error code, and a share left unanswered until the client has given up (benchmarks and tests use them to
 * make one number throttle, fail or hang).
 */
public record FaultSettings(Map<String, @Valid NumberFaults> perNumber) {

    public static final FaultSettings NONE = new FaultSettings(null);

    public FaultSettings {
        perNumber = perNumber == null ? Map.of() : Map.copyOf(perNumber);
    }

    public NumberFaults of(String phoneNumberId) {
        return perNumber.getOrDefault(phoneNumberId, NumberFaults.NONE);
    }
}
