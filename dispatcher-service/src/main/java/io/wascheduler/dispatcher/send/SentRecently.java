package io.wascheduler.dispatcher.send;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The attempts this process has sent lately, so that a record read again (after a rebalance or a retried
 * commit) is not sent twice. Bounded: redeliveries come shortly after the original.
 */
final class SentRecently {

    private final Map<String, Boolean> keys;

    SentRecently(int capacity) {
        this.keys = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    boolean contains(String attemptKey) {
        return keys.containsKey(attemptKey);
    }

    void remember(String attemptKey) {
        keys.put(attemptKey, Boolean.TRUE);
    }
}
