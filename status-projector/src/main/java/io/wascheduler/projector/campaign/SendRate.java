package io.wascheduler.projector.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.NavigableMap;

/** Messages sent per second over the recent window, from per-second counts of send instants. */
final class SendRate {

    private SendRate() {
    }

    /**
     * Sends in the last {@code window} divided by the seconds actually covered: from the first send in the
     * window to now, so that a campaign that started two seconds ago is not reported at a fraction of its pace.
     */
    static double perSecond(NavigableMap<Long, Long> sentPerSecond, Instant now, Duration window) {
        long nowSecond = now.getEpochSecond();
        NavigableMap<Long, Long> recent = sentPerSecond.subMap(nowSecond - window.toSeconds(), false, nowSecond, true);
        if (recent.isEmpty()) {
            return 0;
        }
        long sends = recent.values().stream().mapToLong(Long::longValue).sum();
        long covered = Math.max(1, nowSecond - recent.firstKey() + 1);
        return (double) sends / covered;
    }
}
