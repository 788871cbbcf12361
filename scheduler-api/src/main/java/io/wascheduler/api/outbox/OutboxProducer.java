package io.wascheduler.api.outbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * The relay's producer, transactional: a round's events become visible to the (read_committed) services
 * all together or not at all. Without that, a round that Kafka half-refused during an outage left its later
 * events on the topic while an earlier one of the same message was retried after them: a cancel ahead of
 * the version it cancels. Every instance uses the same transactional id on purpose: the relay that starts
 * a round fences any earlier relay's unfinished transaction, a crashed instance's included, instead of
 * leaving the readers waiting for it to time out.
 */
@Component
class OutboxProducer implements DisposableBean {

    private static final int PARTITION_BATCH_BYTES = 256 * 1024;

    private final Map<String, Object> config;
    /** Null until a round needs it, and again after a failure: a fresh producer aborts what the last one left open. */
    private Producer<String, byte[]> producer;

    OutboxProducer(KafkaProperties kafka, OutboxProperties properties) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, properties.transactionalId());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) properties.sendTimeout().toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) properties.sendTimeout().toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (properties.sendTimeout().toMillis() / 2));
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "scheduler-api-outbox");
        // a relay round sends thousands of records at once: fewer, fuller requests per partition
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, PARTITION_BATCH_BYTES);
        this.config = Map.copyOf(config);
    }

    /**
     * Publishes the records, in their order, as one transaction; returns once it is committed. On any failure
     * the producer is dropped, so its transaction is aborted (by the next producer's fencing at the latest),
     * and the exception is thrown: the caller retries the whole round.
     */
    synchronized void publish(List<ProducerRecord<String, byte[]>> records) {
        Producer<String, byte[]> current = ready();
        try {
            current.beginTransaction();
            records.forEach(current::send);
            current.commitTransaction();
        } catch (RuntimeException failed) {
            discard();
            throw failed;
        }
    }

    private Producer<String, byte[]> ready() {
        if (producer == null) {
            Producer<String, byte[]> created = new KafkaProducer<>(config);
            try {
                created.initTransactions();
            } catch (RuntimeException brokerUnreachable) {
                created.close(Duration.ZERO);
                throw brokerUnreachable;
            }
            producer = created;
        }
        return producer;
    }

    private void discard() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    @Override
    public synchronized void destroy() {
        discard();
    }
}
