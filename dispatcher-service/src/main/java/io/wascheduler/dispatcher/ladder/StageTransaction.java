package io.wascheduler.dispatcher.ladder;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stage's transactional producer: records written in one pass and the offsets consumed in it commit
 * together or not at all. A transaction begins with the first record of a pass. After a failure the
 * producer is replaced, since a fenced or fatally failed producer cannot be used again.
 */
final class StageTransaction implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StageTransaction.class);

    private static final Duration RETRY_INIT = Duration.ofSeconds(1);

    private final Supplier<Producer<String, byte[]>> producers;
    private Producer<String, byte[]> producer;
    private boolean open;

    StageTransaction(Supplier<Producer<String, byte[]>> producers) {
        this.producers = producers;
        this.producer = newProducer();
    }

    void send(ProducerRecord<String, byte[]> record) {
        beginIfNeeded();
        producer.send(record);
    }

    void commit(Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata group) {
        beginIfNeeded();
        producer.sendOffsetsToTransaction(offsets, group);
        producer.commitTransaction();
        open = false;
    }

    void abort() {
        if (open) {
            try {
                producer.abortTransaction();
            } catch (KafkaException e) {
                log.debug("Could not abort a transaction: {}", e.toString());
            }
            open = false;
        }
    }

    /** Aborts what is open and starts over with a new producer (same transactional id: it fences the old one). */
    void reset() {
        abort();
        producer.close(Duration.ZERO);
        producer = newProducer();
    }

    @Override
    public void close() {
        abort();
        producer.close();
    }

    private void beginIfNeeded() {
        if (!open) {
            producer.beginTransaction();
            open = true;
        }
    }

    /** Retries until the broker answers: a stage without its producer can do nothing useful. */
    private Producer<String, byte[]> newProducer() {
        while (true) {
            Producer<String, byte[]> created = producers.get();
            try {
                created.initTransactions();
                open = false;
                return created;
            } catch (KafkaException e) {
                log.warn("Could not start a transactional producer, trying again: {}", e.toString());
                created.close(Duration.ZERO);
                sleepBeforeRetry();
            }
        }
    }

    private static void sleepBeforeRetry() {
        try {
            Thread.sleep(RETRY_INIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting a producer", e);
        }
    }
}
