package io.wascheduler.sandbox.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The generic cell rate algorithm (a token bucket kept as one number per key): each key remembers the
 * theoretical arrival time of its next message. A message is admitted when it is no earlier than that time
 * minus the burst tolerance, and then pushes the time one interval on. A refused message changes nothing.
 */
final class CellRateLimiter<K> {

    private final Map<K, Long> theoreticalArrival = new ConcurrentHashMap<>();

    boolean tryAcquire(K key, Pace pace, long nowNanos) {
        boolean[] admitted = {false};
        theoreticalArrival.compute(key, (k, arrival) -> {
            long next = arrival == null ? nowNanos : Math.max(arrival, nowNanos);
            if (next - nowNanos > pace.toleranceNanos()) {
                return arrival;
            }
            admitted[0] = true;
            return next + pace.intervalNanos();
        });
        return admitted[0];
    }

    /** Forgets keys whose bucket has refilled completely: they behave exactly like unknown keys. */
    void forgetIdle(long nowNanos) {
        theoreticalArrival.values().removeIf(arrival -> arrival <= nowNanos);
    }

    int trackedKeys() {
        return theoreticalArrival.size();
    }
}
