package io.wascheduler.benchmarks.sending;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * One sender's accepted sends counted per wall-clock second, from the sandbox ledger's {@code acceptedAt}.
 * The first and the last second are partial, so min/avg/max look only at the full seconds between them.
 */
record SecondBuckets(long count, long firstMillis, long lastMillis, List<Long> fullSeconds) {

    static SecondBuckets of(List<JsonNode> ledger) {
        TreeMap<Long, Long> perSecond = new TreeMap<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (JsonNode entry : ledger) {
            long at = entry.path("acceptedAt").asLong();
            first = Math.min(first, at);
            last = Math.max(last, at);
            perSecond.merge(at / 1000, 1L, Long::sum);
        }
        if (perSecond.size() <= 2) {
            return new SecondBuckets(ledger.size(), first, last, List.copyOf(perSecond.values()));
        }
        // a second with no send at all between the first and the last is a full second of zero, in its place
        List<Long> withGaps = new ArrayList<>();
        for (long second = perSecond.firstKey() + 1; second < perSecond.lastKey(); second++) {
            withGaps.add(perSecond.getOrDefault(second, 0L));
        }
        return new SecondBuckets(ledger.size(), first, last, List.copyOf(withGaps));
    }

    long minOfFullSeconds() {
        return fullSeconds.stream().mapToLong(Long::longValue).min().orElse(0);
    }

    long maxOfFullSeconds() {
        return fullSeconds.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    double averageOfFullSeconds() {
        return fullSeconds.stream().mapToLong(Long::longValue).average().orElse(0);
    }
}
