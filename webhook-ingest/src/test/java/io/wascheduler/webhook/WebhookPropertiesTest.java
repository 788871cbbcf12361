package io.wascheduler.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

class WebhookPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
        .withUserConfiguration(PropertiesOnly.class);

    @Test
    void theLimitsDefaultToMetasThreeMegabytesAndTenSeconds() {
        context.withPropertyValues("wa.webhook.app-secret=s3cret", "wa.webhook.verify-token=t0ken")
            .run(started -> {
                WebhookProperties properties = started.getBean(WebhookProperties.class);
                assertThat(properties.maxBodySize()).isEqualTo(DataSize.ofMegabytes(3));
                assertThat(properties.maxBodyBytes()).isEqualTo(3 * 1024 * 1024);
                assertThat(properties.publishTimeout()).isEqualTo(Duration.ofSeconds(10));
            });
    }

    @Test
    void theServiceRefusesToStartWithoutAnAppSecret() {
        context.withPropertyValues("wa.webhook.verify-token=t0ken")
            .run(started -> assertThat(started).hasFailed());
        context.withPropertyValues("wa.webhook.app-secret= ", "wa.webhook.verify-token=t0ken")
            .run(started -> assertThat(started).hasFailed());
    }

    @Test
    void theServiceRefusesToStartWithoutAVerifyToken() {
        context.withPropertyValues("wa.webhook.app-secret=s3cret")
            .run(started -> assertThat(started).hasFailed());
    }

    @Test
    void aNonPositivePublishTimeoutIsRefused() {
        context.withPropertyValues("wa.webhook.app-secret=s3cret", "wa.webhook.verify-token=t0ken",
                "wa.webhook.publish-timeout=0s")
            .run(started -> assertThat(started).hasFailed());
    }

    @Test
    void printingTheConfigurationNeverRevealsTheSecrets() {
        var properties = new WebhookProperties("s3cret", "t0ken", DataSize.ofMegabytes(3), Duration.ofSeconds(10));

        assertThat(properties.toString()).doesNotContain("s3cret").doesNotContain("t0ken").contains("3145728B");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(WebhookProperties.class)
    static class PropertiesOnly {
    }
}
