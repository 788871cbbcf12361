package io.wascheduler.sandbox.webhook;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** How webhook delivery went since start: POSTs made, answered with something other than 200, given up. */
@RestController
class WebhookStatsController {

    private final StatusWebhooks webhooks;

    WebhookStatsController(StatusWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping("/sandbox/webhooks/stats")
    WebhookDelivery.Counts stats() {
        return webhooks.counts();
    }
}
