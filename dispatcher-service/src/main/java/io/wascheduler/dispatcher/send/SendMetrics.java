package io.wascheduler.dispatcher.send;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Sends per sender and outcome, Meta errors by code, requests in flight (now and at the peak), messages
 * queued, how long a released message takes to be read, to start its request and to be answered, and per
 * sender the configured, allowed (after AIMD) and achieved rates. The send loop owns the
 * numbers and copies them here; gauges read the copies from other threads.
 */
@Component
class SendMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger inFlightPeak = new AtomicInteger();
    private final AtomicInteger queued = new AtomicInteger();
    private final Map<String, SenderRates> rates = new ConcurrentHashMap<>();
    /** By sender and outcome: looked up once per message, so kept rather than asked of the registry each time. */
    private final Map<String, Map<String, Counter>> sends = new ConcurrentHashMap<>();
    private final Map<String, Counter> sentBack = new ConcurrentHashMap<>();
    private final Timer releaseToRead;
    private final Timer readToRequest;
    private final Timer request;

    SendMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("wa.dispatcher.send.in-flight", inFlight, AtomicInteger::get)
            .description("Cloud API requests awaiting an answer").register(registry);
        Gauge.builder("wa.dispatcher.send.in-flight.peak", inFlightPeak, AtomicInteger::get)
            .description("The most Cloud API requests awaited at once since start").register(registry);
        Gauge.builder("wa.dispatcher.send.queued", queued, AtomicInteger::get)
            .description("Released messages waiting in sender lanes").register(registry);
        this.releaseToRead = stepTimer("read", "From a release to DISPATCH_READY until the send loop reads it "
            + "(the release's transaction committing, then the fetch)");
        this.readToRequest = stepTimer("queued", "From read until the Cloud API request starts (waiting in the "
            + "sender's lane for its rate or a free request slot)");
        this.request = stepTimer("request", "From the Cloud API request's start until its answer");
    }

    private Timer stepTimer(String step, String description) {
        return Timer.builder("wa.dispatcher.send.step").tag("step", step).description(description)
            .publishPercentiles(0.5, 0.99).register(registry);
    }

    /** A released message read by the send loop: {@code releasedAtMillis} is its DISPATCH_READY record's timestamp. */
    void read(long releasedAtMillis, long nowMillis) {
        releaseToRead.record(Duration.ofMillis(Math.max(0, nowMillis - releasedAtMillis)));
    }

    void requestStarted(Duration sinceRead) {
        readToRequest.record(sinceRead);
    }

    void answered(Duration sinceStart) {
        request.record(sinceStart);
    }

    void sent(String senderId, String outcome) {
        sends.computeIfAbsent(senderId, sender -> new ConcurrentHashMap<>())
            .computeIfAbsent(outcome, kind -> registry.counter("wa.dispatcher.sends", "sender", senderId, "outcome", kind))
            .increment();
    }

    /** A released message sent back through the ladder without an attempt: lane full, pair rate or sender paused. */
    void sentBack(String reason) {
        sentBack.computeIfAbsent(reason, why -> registry.counter("wa.dispatcher.send.sent-back", "reason", why)).increment();
    }

    void duplicateSkipped() {
        registry.counter("wa.dispatcher.send.duplicates-skipped").increment();
    }

    /** An attempt after a lost answer found the message already taken by Meta and did not send it again. */
    void takenDespiteLostAnswer() {
        registry.counter("wa.dispatcher.send.taken-despite-lost-answer").increment();
    }

    void metaError(int code) {
        registry.counter("wa.dispatcher.meta.errors", "code", Integer.toString(code)).increment();
    }

    void load(int requestsInFlight, int peakInFlight, int messagesQueued) {
        inFlight.set(requestsInFlight);
        inFlightPeak.set(peakInFlight);
        queued.set(messagesQueued);
    }

    /** A sender's rates now: its configuration, what AIMD allows after 130429s, the sends of the last second. */
    void rates(String senderId, int configured, int allowed, int achieved) {
        SenderRates sender = rates.computeIfAbsent(senderId, this::register);
        sender.configured.set(configured);
        sender.allowed.set(allowed);
        sender.achieved.set(achieved);
    }

    private SenderRates register(String senderId) {
        SenderRates sender = new SenderRates(new AtomicInteger(), new AtomicInteger(), new AtomicInteger());
        Gauge.builder("wa.dispatcher.sender.rate.configured", sender.configured, AtomicInteger::get).tag("sender", senderId)
            .description("Messages per second the sender is configured for").register(registry);
        Gauge.builder("wa.dispatcher.sender.rate.allowed", sender.allowed, AtomicInteger::get).tag("sender", senderId)
            .description("Messages per second allowed now (lowered after 130429, won back gradually)").register(registry);
        Gauge.builder("wa.dispatcher.sender.rate.achieved", sender.achieved, AtomicInteger::get).tag("sender", senderId)
            .description("Requests started in the last second").register(registry);
        return sender;
    }

    private record SenderRates(AtomicInteger configured, AtomicInteger allowed, AtomicInteger achieved) {
    }
}
