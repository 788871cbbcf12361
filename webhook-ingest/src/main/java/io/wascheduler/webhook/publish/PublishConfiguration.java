package io.wascheduler.webhook.publish;

import io.wascheduler.model.topic.Topics;
import io.wascheduler.webhook.WebhookProperties;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration(proxyBeanMethods = false)
class PublishConfiguration {

    /**
     * The durability the 200 promises does not depend on configuration: acks=all and idempotence are
     * forced, and the records are raw bytes (events are serialised with EventSerde by the publisher).
     * A whole webhook body (up to 3 MB) travels as one record, above the producer's 1 MB default.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer durableWebhookProducer() {
        return factory -> factory.updateConfigs(Map.of(
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_RECORD_BYTES,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    @Bean
    WebhookPublisher webhookPublisher(KafkaTemplate<String, byte[]> kafkaTemplate, WebhookProperties properties) {
        return new WebhookPublisher(kafkaTemplate, properties.publishTimeout());
    }

    @Bean
    KafkaAdmin.NewTopics webhookTopics(KafkaTopicProperties properties) {
        short replicationFactor = properties.replicationFactor();
        return new KafkaAdmin.NewTopics(
            Topics.MESSAGE_STATUSES.toNewTopic(replicationFactor),
            Topics.INBOUND_MESSAGES.toNewTopic(replicationFactor),
            Topics.WEBHOOK_RAW.toNewTopic(replicationFactor));
    }
}
