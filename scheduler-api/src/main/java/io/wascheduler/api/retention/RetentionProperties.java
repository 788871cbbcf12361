package io.wascheduler.api.retention;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long a message in a final state (DELIVERED, READ, FAILED, CANCELLED) is kept after its last change,
 * how many are deleted per statement (short transactions, no long lock on the table) and how often the
 * purge looks for expired ones.
 */
@Validated
@ConfigurationProperties("wa.api.retention")
record RetentionProperties(Duration maxAge, @Positive Integer batchSize, Duration interval) {

    static final Duration DEFAULT_MAX_AGE = Duration.ofDays(30);
    static final int DEFAULT_BATCH_SIZE = 1000;
    static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(10);

    RetentionProperties {
        maxAge = maxAge == null ? DEFAULT_MAX_AGE : maxAge;
        batchSize = batchSize == null ? DEFAULT_BATCH_SIZE : batchSize;
        interval = interval == null ? DEFAULT_INTERVAL : interval;
    }
}
