package io.wascheduler.webhook.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.MessageStatusReported;
import io.wascheduler.webhook.parse.MalformedWebhookException;
import io.wascheduler.webhook.publish.PublishFailedException;
import java.util.List;
import java.util.Locale;

/**
 * {@code wa.webhook.acknowledgement}: time from a POST's arrival to its answer, by outcome (Meta's
 * partners are asked to answer well under 250 ms); {@code wa.webhook.statuses}: statuses published, by
 * status.
 */
final class WebhookMetrics {

    static final String ACKNOWLEDGEMENT = "wa.webhook.acknowledgement";
    static final String STATUSES = "wa.webhook.statuses";

    private final MeterRegistry registry;

    WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    Timer.Sample start() {
        return Timer.start(registry);
    }

    void acknowledged(Timer.Sample sample, List<EventEnvelope> statuses) {
        sample.stop(timer("acknowledged"));
        for (EventEnvelope status : statuses) {
            String value = status.payloadAs(MessageStatusReported.class).status().metaValue();
            Counter.builder(STATUSES).description("Statuses received from Meta and published").tag("status", value)
                .register(registry).increment();
        }
    }

    void refused(Timer.Sample sample, Throwable failure) {
        sample.stop(timer(outcome(failure)));
    }

    private Timer timer(String outcome) {
        return Timer.builder(ACKNOWLEDGEMENT).description("Time from a webhook's arrival to its answer")
            .tag("outcome", outcome).publishPercentiles(0.5, 0.99).register(registry);
    }

    private static String outcome(Throwable failure) {
        return switch (failure) {
            case WebhookRejectedException rejected -> rejected.status().name().toLowerCase(Locale.ROOT);
            case MalformedWebhookException malformed -> "malformed";
            case PublishFailedException unpublished -> "unavailable";
            default -> "error";
        };
    }
}
