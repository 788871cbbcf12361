package io.wascheduler.dispatcher;

import io.wascheduler.model.topic.TopicSpec;
import io.wascheduler.model.topic.Topics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The clock and the topics this service reads or writes, declared so that it works on an empty broker. */
@Configuration(proxyBeanMethods = false)
class DispatcherConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Tier topics come with broker (append-time) timestamps from the catalogue; see {@link Topics#delayTier}. */
    @Bean
    KafkaAdmin.NewTopics dispatcherTopics(DispatcherProperties properties,
                                          @Value("${wa.kafka.replication-factor:1}") short replicationFactor) {
        List<NewTopic> topics = new ArrayList<>();
        for (TopicSpec spec : List.of(Topics.MESSAGE_COMMANDS, Topics.CAMPAIGN_EVENTS, Topics.DISPATCH_READY,
            Topics.MESSAGE_OUTCOMES, Topics.SENDER_CONFIG, Topics.SENDER_STATUS)) {
            topics.add(spec.toNewTopic(replicationFactor));
        }
        for (var span : properties.tiers()) {
            topics.add(Topics.delayTier(span).toNewTopic(replicationFactor));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
