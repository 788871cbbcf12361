package io.wascheduler.dispatcher;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Builds the plain Kafka clients the stages own. Values are raw bytes: the ladder passes scheduler-api's
 * envelope through unchanged and decodes it only where it needs the content.
 */
@Component
public class KafkaClients {

    private static final int FETCH_MAX_WAIT_MS = 20;

    private final Map<String, Object> common;
    private final String instanceId;

    KafkaClients(KafkaProperties kafkaProperties, DispatcherProperties properties) {
        // spring.kafka.properties.* (security settings and the like) apply to every client of the service
        Map<String, Object> shared = new HashMap<>(kafkaProperties.getProperties());
        shared.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafkaProperties.getBootstrapServers()));
        this.common = Map.copyOf(shared);
        this.instanceId = properties.instanceId();
    }

    public Map<String, Object> common() {
        return common;
    }

    /** A consumer that sees committed records only and leaves committing to its owner. */
    public KafkaConsumer<String, byte[]> consumer(String groupId, int maxPollRecords) {
        Map<String, Object> config = new HashMap<>(common);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-" + instanceId);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        // a partition resumed after a hold waits for the fetch in flight: keep that wait well under the lateness budget
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** A consumer outside any group, for reading a compacted topic whole (the caller assigns partitions). */
    public KafkaConsumer<String, byte[]> reader(String purpose) {
        Map<String, Object> config = new HashMap<>(common);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "wa-dispatcher-" + purpose + "-" + instanceId);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** An admin client on its own connection, so its requests never queue behind a consumer's long-polling fetch. */
    public Admin admin(String purpose) {
        Map<String, Object> config = new HashMap<>(common);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "wa-dispatcher-" + purpose + "-" + instanceId);
        return Admin.create(config);
    }

    /**
     * A transactional producer for one stage of this instance. The id is stable across restarts of the
     * instance, so a restarted stage fences its predecessor's unfinished transaction at once.
     */
    public KafkaProducer<String, byte[]> transactionalProducer(String stage) {
        Map<String, Object> config = new HashMap<>(common);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "wa-dispatcher-" + instanceId + "-" + stage);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "wa-dispatcher-" + stage + "-" + instanceId);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** An idempotent producer waiting for all in-sync replicas, for outcomes and re-entries into the ladder. */
    public KafkaProducer<String, byte[]> producer(String purpose) {
        Map<String, Object> config = new HashMap<>(common);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "wa-dispatcher-" + purpose + "-" + instanceId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }
}
