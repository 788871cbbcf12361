package io.wascheduler.projector;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code wa.projector.*}. Every field may be left out; the defaults below are the only ones.
 *
 * @param applicationId Kafka Streams application id (consumer group and internal-topic prefix)
 * @param stateDir where Kafka Streams keeps its RocksDB stores
 * @param advertisedHostPort host:port other instances use to reach this one; null means localhost and
 *     the port the web server actually bound
 * @param commitInterval how often Kafka Streams commits; small, because freshness p99 must stay under 1 s
 * @param progressPublishInterval at most one CampaignProgress per campaign per interval
 * @param rateWindow how far back the send rate looks
 * @param parkedStatusRetention how long a status whose wamid is unknown waits for its dispatch outcome
 * @param parkedSweepInterval how often parked statuses past their retention are dropped
 * @param streamPollInterval how often the SSE stream looks for a change (so at most one event per interval)
 * @param retryAfter what a 503 during a rebalance tells the caller to wait
 * @param queryTimeout how long a query may take, read locally or forwarded to the owning instance, before it is a 503
 */
@ConfigurationProperties("wa.projector")
public record ProjectorProperties(
    String applicationId,
    Path stateDir,
    String advertisedHostPort,
    Duration commitInterval,
    Duration progressPublishInterval,
    Duration rateWindow,
    Duration parkedStatusRetention,
    Duration parkedSweepInterval,
    Duration streamPollInterval,
    Duration retryAfter,
    Duration queryTimeout) {

    public static final String DEFAULT_APPLICATION_ID = "status-projector";
    public static final Path DEFAULT_STATE_DIR = Path.of(System.getProperty("java.io.tmpdir"), "wa-status-projector");
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(100);
    public static final Duration DEFAULT_PROGRESS_PUBLISH_INTERVAL = Duration.ofMillis(250);
    public static final Duration DEFAULT_RATE_WINDOW = Duration.ofSeconds(30);
    public static final Duration DEFAULT_PARKED_STATUS_RETENTION = Duration.ofDays(7);
    public static final Duration DEFAULT_PARKED_SWEEP_INTERVAL = Duration.ofHours(1);
    public static final Duration DEFAULT_STREAM_POLL_INTERVAL = Duration.ofMillis(250);
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(5);

    public ProjectorProperties {
        applicationId = applicationId == null || applicationId.isBlank() ? DEFAULT_APPLICATION_ID : applicationId;
        stateDir = stateDir == null ? DEFAULT_STATE_DIR : stateDir;
        advertisedHostPort = advertisedHostPort == null || advertisedHostPort.isBlank() ? null : advertisedHostPort;
        commitInterval = positive("commit-interval", commitInterval, DEFAULT_COMMIT_INTERVAL);
        progressPublishInterval =
            positive("progress-publish-interval", progressPublishInterval, DEFAULT_PROGRESS_PUBLISH_INTERVAL);
        rateWindow = positive("rate-window", rateWindow, DEFAULT_RATE_WINDOW);
        if (rateWindow.toSeconds() < 1) {
            throw new IllegalArgumentException("wa.projector.rate-window must be at least 1s, was " + rateWindow);
        }
        parkedStatusRetention =
            positive("parked-status-retention", parkedStatusRetention, DEFAULT_PARKED_STATUS_RETENTION);
        parkedSweepInterval = positive("parked-sweep-interval", parkedSweepInterval, DEFAULT_PARKED_SWEEP_INTERVAL);
        streamPollInterval = positive("stream-poll-interval", streamPollInterval, DEFAULT_STREAM_POLL_INTERVAL);
        retryAfter = positive("retry-after", retryAfter, DEFAULT_RETRY_AFTER);
        queryTimeout = positive("query-timeout", queryTimeout, DEFAULT_QUERY_TIMEOUT);
    }

    /** Every default; for tests and tools that build the topology outside Spring. */
    public static ProjectorProperties defaults() {
        return new ProjectorProperties(null, null, null, null, null, null, null, null, null, null, null);
    }

    private static Duration positive(String name, Duration value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("wa.projector." + name + " must be positive, was " + value);
        }
        return value;
    }
}
