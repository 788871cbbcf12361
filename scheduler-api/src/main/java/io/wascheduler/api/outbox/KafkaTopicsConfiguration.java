package io.wascheduler.api.outbox;

import io.wascheduler.model.topic.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics scheduler-api produces (through the outbox) or consumes (read model), so it runs on an empty broker. */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics schedulerApiTopics(@Value("${wa.kafka.replication-factor:1}") short replicationFactor) {
        return new KafkaAdmin.NewTopics(
            Topics.MESSAGE_COMMANDS.toNewTopic(replicationFactor),
            Topics.CAMPAIGN_EVENTS.toNewTopic(replicationFactor),
            Topics.SENDER_CONFIG.toNewTopic(replicationFactor),
            Topics.MESSAGE_OUTCOMES.toNewTopic(replicationFactor),
            Topics.MESSAGE_STATUSES.toNewTopic(replicationFactor),
            Topics.SENDER_STATUS.toNewTopic(replicationFactor));
    }
}
