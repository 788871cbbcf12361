package io.wascheduler.api.outbox;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The relay's pace: how often an idle relay looks for new rows when no notification woke it (a fallback: rows
 * are announced when they commit, see {@link OutboxNotifications}; this bounds the delay only while the relay
 * is not listening), how
 * many rows it publishes per round, how long it waits before retrying after Kafka refused a batch, and the
 * Kafka transactional id every instance's relay shares (see {@link OutboxProducer}).
 */
@Validated
@ConfigurationProperties("wa.api.outbox")
record OutboxProperties(Duration pollInterval, @Positive Integer batchSize, Duration retryBackoff, Duration sendTimeout,
                        String transactionalId) {

    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);
    static final int DEFAULT_BATCH_SIZE = 5000;
    static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofSeconds(1);
    static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(30);
    static final String DEFAULT_TRANSACTIONAL_ID = "scheduler-api-outbox";

    OutboxProperties {
        pollInterval = pollInterval == null ? DEFAULT_POLL_INTERVAL : pollInterval;
        batchSize = batchSize == null ? DEFAULT_BATCH_SIZE : batchSize;
        retryBackoff = retryBackoff == null ? DEFAULT_RETRY_BACKOFF : retryBackoff;
        sendTimeout = sendTimeout == null ? DEFAULT_SEND_TIMEOUT : sendTimeout;
        transactionalId = transactionalId == null || transactionalId.isBlank() ? DEFAULT_TRANSACTIONAL_ID : transactionalId;
    }
}
