package io.wascheduler.sandbox.config;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/** The status, latency and fault settings in force now: they start from the properties and change at runtime. */
@Component
public class SwitchBoard {

    private final AtomicReference<StatusSettings> statuses;
    private final AtomicReference<LatencySettings> latency;
    private final AtomicReference<FaultSettings> faults;

    public SwitchBoard(SandboxProperties properties) {
        this.statuses = new AtomicReference<>(properties.statuses());
        this.latency = new AtomicReference<>(properties.latency());
        this.faults = new AtomicReference<>(properties.faults());
    }

    public StatusSettings statuses() {
        return statuses.get();
    }

    public LatencySettings latency() {
        return latency.get();
    }

    public FaultSettings faults() {
        return faults.get();
    }

    Switches current() {
        return Switches.of(statuses(), latency(), faults());
    }

    Switches apply(Switches change) {
        statuses.updateAndGet(change::overStatuses);
        latency.updateAndGet(change::overLatency);
        faults.updateAndGet(change::overFaults);
        return current();
    }
}
