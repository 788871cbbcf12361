package io.wascheduler.webhook.publish;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code wa.kafka.*}: how the topics this service writes are created on an empty broker. */
@Validated
@ConfigurationProperties("wa.kafka")
record KafkaTopicProperties(@Min(1) @DefaultValue("1") short replicationFactor) {
}
