package io.wascheduler.model.topic;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * A topic's name with what its record key means, how many partitions it has and how it is cleaned up.
 * {@code retention} null means records are kept until compaction or forever; {@code overrides} are
 * further topic configs the topic cannot work without (for example broker timestamps on the delay tiers).
 */
public record TopicSpec(
    String name, String key, int partitions, CleanupPolicy cleanupPolicy, Duration retention,
    Map<String, String> overrides) {

    public TopicSpec {
        overrides = Map.copyOf(overrides);
    }

    TopicSpec(String name, String key, int partitions, CleanupPolicy cleanupPolicy, Duration retention) {
        this(name, key, partitions, cleanupPolicy, retention, Map.of());
    }

    public enum CleanupPolicy {
        DELETE("delete"), COMPACT("compact");

        private final String kafkaValue;

        CleanupPolicy(String kafkaValue) {
            this.kafkaValue = kafkaValue;
        }

        public String kafkaValue() {
            return kafkaValue;
        }
    }

    public Map<String, String> configs() {
        Map<String, String> configs = new HashMap<>();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy.kafkaValue());
        configs.put(TopicConfig.RETENTION_MS_CONFIG, retention == null ? "-1" : Long.toString(retention.toMillis()));
        configs.putAll(overrides);
        return configs;
    }

    public NewTopic toNewTopic(short replicationFactor) {
        return new NewTopic(name, partitions, replicationFactor).configs(configs());
    }
}
