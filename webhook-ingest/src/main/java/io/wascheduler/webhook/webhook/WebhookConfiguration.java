package io.wascheduler.webhook.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.wascheduler.webhook.WebhookProperties;
import io.wascheduler.webhook.parse.WebhookParser;
import io.wascheduler.webhook.publish.WebhookPublisher;
import io.wascheduler.webhook.signature.SignatureVerifier;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SubscriptionHandshake subscriptionHandshake(WebhookProperties properties) {
        return new SubscriptionHandshake(properties.verifyToken());
    }

    @Bean
    WebhookReceiver webhookReceiver(WebhookProperties properties, Clock clock, WebhookPublisher publisher,
        MeterRegistry meterRegistry) {
        return new WebhookReceiver(
            new BoundedBodyReader(properties.maxBodyBytes()),
            new SignatureVerifier(properties.appSecret()),
            new WebhookParser(clock),
            publisher,
            new WebhookMetrics(meterRegistry));
    }
}
