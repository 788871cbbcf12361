package io.wascheduler.api.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Wakes the relay when rows may be waiting. A wake that comes while the relay is busy is kept, so the relay
 * looks once more when it is done: a row committed during a round is never left for the next poll.
 */
@Component
class OutboxWakeups {

    private final Semaphore pending = new Semaphore(0);

    void wake() {
        if (pending.availablePermits() == 0) {
            pending.release();
        }
    }

    /** Waits for a wake or until {@code atMost} has passed, whichever comes first. */
    void await(Duration atMost) throws InterruptedException {
        if (pending.tryAcquire(atMost.toNanos(), TimeUnit.NANOSECONDS)) {
            pending.drainPermits();
        }
    }
}
