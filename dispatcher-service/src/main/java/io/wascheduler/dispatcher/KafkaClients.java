package io.wascheduler.dispatcher;

import java.time.Duration;
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

    /**
     * The shortest broker wait for data on a fetch of a consumer that resumes paused partitions at instants (a
     * tier ending a hold). A resumed partition is fetched only after the fetch in flight, so a tier looks at a
     * held record up to its wait before its hold ends; longer means fewer empty fetches of an idle tier, and a
     * few more records leaving a tier early enough to take it once more (a tier's own wait grows with its span,
     * see {@code Stage.fetchWait}).
     */
    public static final Duration RESUMING_FETCH_WAIT = Duration.ofMillis(100);
    /**
     * The same for a consumer that never waits on a resume: new data ends the broker's wait at once anyway, and
     * an idle consumer then costs the broker two empty fetches a second instead of fifty.
     */
    public static final Duration STEADY_FETCH_WAIT = Duration.ofMillis(500);

    /** Per partition and produce request: a few hundred of a launch's moves, or about one tier batch record. */
    private static final int STAGE_BATCH_BYTES = 256 * 1024;

    private final Map<String, Object> common;
    private final String instanceId;
    private final Duration transactionLinger;

    KafkaClients(KafkaProperties kafkaProperties, DispatcherProperties properties) {
        // spring.kafka.properties.* (security settings and the like) apply to every client of the service
        Map<String, Object> shared = new HashMap<>(kafkaProperties.getProperties());
        shared.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafkaProperties.getBootstrapServers()));
        this.common = Map.copyOf(shared);
        this.instanceId = properties.instanceId();
        this.transactionLinger = properties.transactionLinger();
    }

    public Map<String, Object> common() {
        return common;
    }

    /**
     * A consumer that sees committed records only and leaves committing to its owner.
     *
     * @param fetchWait {@link #RESUMING_FETCH_WAIT} or {@link #STEADY_FETCH_WAIT}
     */
    public KafkaConsumer<String, byte[]> consumer(String groupId, int maxPollRecords, Duration fetchWait) {
        Map<String, Object> config = new HashMap<>(common);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-" + instanceId);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) fetchWait.toMillis());
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
        // nothing of a transaction is visible before its commit, which sends whatever is still lingering: so a
        // batch may as well wait for the whole transaction, and the stage's work goes in few produce requests
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) transactionLinger.toMillis());
        // a launch's thousands of moves a second would otherwise leave in 16 KiB batches, each one more for the
        // broker to validate, append and index
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, STAGE_BATCH_BYTES);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * An idempotent producer waiting for all in-sync replicas, for outcomes and re-entries into the ladder.
     *
     * @param linger how long a batch waits for more records: fewer, larger produce requests for the broker
     */
    public KafkaProducer<String, byte[]> producer(String purpose, Duration linger) {
        Map<String, Object> config = new HashMap<>(common);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "wa-dispatcher-" + purpose + "-" + instanceId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) linger.toMillis());
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }
}
