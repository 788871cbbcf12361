package io.wascheduler.dispatcher.send;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** Sends per sender and outcome, Meta errors by code, requests in flight and messages queued. */
@Component
class SendMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger queued = new AtomicInteger();

    SendMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("wa.dispatcher.send.in-flight", inFlight, AtomicInteger::get)
            .description("Cloud API requests awaiting an answer").register(registry);
        Gauge.builder("wa.dispatcher.send.queued", queued, AtomicInteger::get)
            .description("Released messages waiting in sender lanes").register(registry);
    }

    void sent(String senderId, String outcome) {
        registry.counter("wa.dispatcher.sends", "sender", senderId, "outcome", outcome).increment();
    }

    void duplicateSkipped() {
        registry.counter("wa.dispatcher.send.duplicates-skipped").increment();
    }

    void metaError(int code) {
        registry.counter("wa.dispatcher.meta.errors", "code", Integer.toString(code)).increment();
    }

    void load(int requestsInFlight, int messagesQueued) {
        inFlight.set(requestsInFlight);
        queued.set(messagesQueued);
    }
}
