package io.wascheduler.dispatcher.sender;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a sender is paused, from what SENDER_STATUS and SENDER_CONFIG last said of it: a pause stands until
 * a configuration newer than the pause lifts it. Kept apart from the lanes so that a sender paused by another
 * instance, or by this one before a restart, is still paused when its lane is created here.
 */
final class SenderPauses {

    private final Map<String, Instant> pausedAt = new ConcurrentHashMap<>();
    private final Map<String, Instant> configuredAt = new ConcurrentHashMap<>();

    void paused(String phoneNumberId, Instant at) {
        pausedAt.put(phoneNumberId, at);
    }

    void resumed(String phoneNumberId) {
        pausedAt.remove(phoneNumberId);
    }

    void configured(String phoneNumberId, Instant at) {
        configuredAt.merge(phoneNumberId, at, (known, later) -> later.isAfter(known) ? later : known);
    }

    /** The latest word on the sender is a pause no configuration has lifted. */
    boolean pausedNow(String phoneNumberId) {
        Instant paused = pausedAt.get(phoneNumberId);
        Instant configured = configuredAt.get(phoneNumberId);
        return paused != null && (configured == null || paused.isAfter(configured));
    }

    /** A configuration lifted the sender's last pause, but no resume has been reported yet. */
    boolean liftedButNotReported(String phoneNumberId) {
        Instant paused = pausedAt.get(phoneNumberId);
        Instant configured = configuredAt.get(phoneNumberId);
        return paused != null && configured != null && !paused.isAfter(configured);
    }
}
