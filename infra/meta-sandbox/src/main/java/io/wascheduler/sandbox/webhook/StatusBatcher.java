package io.wascheduler.sandbox.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.wascheduler.sandbox.config.StatusSettings;
import reactor.core.scheduler.Scheduler;

/**
 * Gathers due statuses into batches: a batch leaves when it reaches the batch size or when its first status has
 * waited the linger time. Size and linger are read at each status, so runtime switches apply at once.
 */
final class StatusBatcher {

    private final Supplier<StatusSettings> settings;
    private final Consumer<List<StatusEvent>> sink;
    private final Scheduler scheduler;
    private final Object lock = new Object();
    private List<StatusEvent> pending = new ArrayList<>();
    private long batchNumber;

    StatusBatcher(Supplier<StatusSettings> settings, Consumer<List<StatusEvent>> sink, Scheduler scheduler) {
        this.settings = settings;
        this.sink = sink;
        this.scheduler = scheduler;
    }

    void add(StatusEvent event) {
        StatusSettings current = settings.get();
        List<StatusEvent> full = null;
        synchronized (lock) {
            pending.add(event);
            if (pending.size() >= current.batchSize()) {
                full = takePending();
            }
            else if (pending.size() == 1) {
                long batch = batchNumber;
                scheduler.schedule(() -> flushIfStillPending(batch), current.batchLinger().toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        }
        if (full != null) {
            sink.accept(full);
        }
    }

    private void flushIfStillPending(long batch) {
        List<StatusEvent> lingered = null;
        synchronized (lock) {
            if (batch == batchNumber && !pending.isEmpty()) {
                lingered = takePending();
            }
        }
        if (lingered != null) {
            sink.accept(lingered);
        }
    }

    private List<StatusEvent> takePending() {
        List<StatusEvent> taken = pending;
        pending = new ArrayList<>();
        batchNumber++;
        return taken;
    }
}
