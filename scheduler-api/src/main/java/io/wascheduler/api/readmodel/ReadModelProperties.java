package io.wascheduler.api.readmodel;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How many consumers apply outcomes and statuses (each owns some partitions), and how many events one of them
 * applies at most in one transaction (its poll's size): a larger batch costs fewer round trips and commits
 * per event, and holds its rows' locks a little longer.
 */
@Validated
@ConfigurationProperties("wa.api.read-model")
record ReadModelProperties(@Positive Integer concurrency, @Positive Integer maxBatchSize) {

    static final int DEFAULT_CONCURRENCY = 4;
    static final int DEFAULT_MAX_BATCH_SIZE = 500;

    ReadModelProperties {
        concurrency = concurrency == null ? DEFAULT_CONCURRENCY : concurrency;
        maxBatchSize = maxBatchSize == null ? DEFAULT_MAX_BATCH_SIZE : maxBatchSize;
    }
}
