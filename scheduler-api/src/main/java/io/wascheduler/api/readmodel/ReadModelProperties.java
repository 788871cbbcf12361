package io.wascheduler.api.readmodel;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How many consumers apply outcomes and statuses (each owns some partitions), and how many events one of them
 * applies at most in one transaction (its poll's size): a larger batch costs fewer round trips and commits
 * per event, and holds its rows' locks a little longer. {@code fetchBatchBytes} and {@code fetchBatchWait} let the broker
 * gather a batch before it answers a fetch (its {@code fetch.min.bytes} and {@code fetch.max.wait.ms}): answered
 * at the first event, a consumer applies a handful of events per transaction whenever statuses trickle in, and
 * each of those fetches and transactions costs the broker and PostgreSQL as much as a full one.
 */
@Validated
@ConfigurationProperties("wa.api.read-model")
record ReadModelProperties(@Positive Integer concurrency, @Positive Integer maxBatchSize, @Positive Integer fetchBatchBytes,
                           Duration fetchBatchWait) {

    static final int DEFAULT_CONCURRENCY = 4;
    static final int DEFAULT_MAX_BATCH_SIZE = 500;
    static final int DEFAULT_FETCH_BATCH_BYTES = 64 * 1024;
    static final Duration DEFAULT_FETCH_BATCH_WAIT = Duration.ofMillis(100);

    ReadModelProperties {
        concurrency = concurrency == null ? DEFAULT_CONCURRENCY : concurrency;
        maxBatchSize = maxBatchSize == null ? DEFAULT_MAX_BATCH_SIZE : maxBatchSize;
        fetchBatchBytes = fetchBatchBytes == null ? DEFAULT_FETCH_BATCH_BYTES : fetchBatchBytes;
        fetchBatchWait = fetchBatchWait == null ? DEFAULT_FETCH_BATCH_WAIT : fetchBatchWait;
        if (fetchBatchWait.isNegative() || fetchBatchWait.isZero()) {
            throw new IllegalArgumentException("wa.api.read-model.fetch-batch-wait must be positive, was " + fetchBatchWait);
        }
    }
}
