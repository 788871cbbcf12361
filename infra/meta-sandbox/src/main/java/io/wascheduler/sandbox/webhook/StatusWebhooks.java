package io.wascheduler.sandbox.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.wascheduler.sandbox.config.SandboxProperties;
import io.wascheduler.sandbox.config.SwitchBoard;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Turns each accepted message into its status webhooks: plans them, waits until each is due, batches and
 * delivers. Without a {@code sandbox.webhook-url} nothing is posted.
 */
@Component
public class StatusWebhooks {

    private static final Logger log = LoggerFactory.getLogger(StatusWebhooks.class);

    private final SwitchBoard switchBoard;
    private final Clock clock;
    private final Scheduler timers = Schedulers.newParallel("sandbox-webhooks",
            Runtime.getRuntime().availableProcessors(), true);
    private final WebhookDelivery delivery;
    private final StatusBatcher batcher;
    private final boolean enabled;

    StatusWebhooks(SandboxProperties properties, SwitchBoard switchBoard, Clock clock, JsonMapper json) {
        this.switchBoard = switchBoard;
        this.clock = clock;
        this.enabled = !properties.webhookUrl().isEmpty();
        this.delivery = new WebhookDelivery(properties, json, timers);
        this.batcher = new StatusBatcher(switchBoard::statuses, delivery::deliver, timers);
        if (!enabled) {
            log.info("No sandbox.webhook-url: status webhooks are not posted");
        }
    }

    public void accepted(AcceptedMessage message) {
        if (!enabled) {
            return;
        }
        for (var planned : StatusPlanner.plan(message, switchBoard.statuses(), ThreadLocalRandom.current())) {
            long wait = Math.max(0, Duration.between(clock.instant(), planned.postAt()).toMillis());
            timers.schedule(() -> batcher.add(planned.event()), wait, TimeUnit.MILLISECONDS);
        }
    }

    WebhookDelivery.Counts counts() {
        return delivery.counts();
    }

    @PreDestroy
    void stop() {
        delivery.close();
        timers.dispose();
    }
}
