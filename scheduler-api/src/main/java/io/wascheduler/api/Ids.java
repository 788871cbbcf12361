package io.wascheduler.api;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Opaque, time-ordered ids (UUIDv7): sorting by id sorts by creation, which keyset pagination relies on,
 * and the random tail makes them unguessable.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String next(Clock clock) {
        long millis = clock.millis();
        long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
