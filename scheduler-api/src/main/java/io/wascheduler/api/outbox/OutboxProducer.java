package io.wascheduler.api.outbox;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * The relay's producer: idempotent with acks=all, so a retried send inside the producer never
 * duplicates or reorders a partition. Values are the outbox's stored bytes, sent as they are.
 */
@Component
class OutboxProducer implements DisposableBean {

    private static final int PARTITION_BATCH_BYTES = 256 * 1024;

    private final Producer<String, byte[]> producer;

    OutboxProducer(KafkaProperties kafka, OutboxProperties properties) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) properties.sendTimeout().toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) properties.sendTimeout().toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (properties.sendTimeout().toMillis() / 2));
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "scheduler-api-outbox");
        // a relay round sends thousands of records at once: fewer, fuller requests per partition
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, PARTITION_BATCH_BYTES);
        this.producer = new KafkaProducer<>(config);
    }

    Producer<String, byte[]> producer() {
        return producer;
    }

    @Override
    public void destroy() {
        producer.close();
    }
}
