package io.wascheduler.projector.topology;

import io.wascheduler.model.topic.Topics;
import io.wascheduler.projector.ProjectorProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The projection, its health, and the topics it reads and writes (created on an empty broker). */
@Configuration(proxyBeanMethods = false)
class ProjectorConfiguration {

    @Bean
    ProjectorStreams projectorStreams(ProjectorProperties properties, KafkaProperties kafka,
        ReplicationProperties replication) {
        return new ProjectorStreams(properties, String.join(",", kafka.getBootstrapServers()),
            replication.replicationFactor());
    }

    @Bean
    ProjectorStreamsHealthIndicator kafkaStreamsHealthIndicator(ProjectorStreams streams) {
        return new ProjectorStreamsHealthIndicator(streams);
    }

    @Bean
    KafkaAdmin.NewTopics projectorTopics(ReplicationProperties replication) {
        short replicationFactor = replication.replicationFactor();
        return new KafkaAdmin.NewTopics(
            Topics.MESSAGE_COMMANDS.toNewTopic(replicationFactor),
            Topics.MESSAGE_OUTCOMES.toNewTopic(replicationFactor),
            Topics.MESSAGE_STATUSES.toNewTopic(replicationFactor),
            Topics.CAMPAIGN_EVENTS.toNewTopic(replicationFactor),
            Topics.CAMPAIGN_PROGRESS.toNewTopic(replicationFactor));
    }
}
