package io.wascheduler.sandbox.config;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/** The status and latency settings in force now: they start from the properties and change at runtime. */
@Component
public class SwitchBoard {

    private final AtomicReference<StatusSettings> statuses;
    private final AtomicReference<LatencySettings> latency;

    public SwitchBoard(SandboxProperties properties) {
        this.statuses = new AtomicReference<>(properties.statuses());
        this.latency = new AtomicReference<>(properties.latency());
    }

    public StatusSettings statuses() {
        return statuses.get();
    }

    public LatencySettings latency() {
        return latency.get();
    }

    Switches current() {
        return Switches.of(statuses(), latency());
    }

    Switches apply(Switches change) {
        statuses.updateAndGet(change::overStatuses);
        latency.updateAndGet(change::overLatency);
        return current();
    }
}
