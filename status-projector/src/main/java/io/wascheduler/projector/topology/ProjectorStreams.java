package io.wascheduler.projector.topology;

import io.wascheduler.projector.ProjectorProperties;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the projection. Started after the web server (a later lifecycle phase), so that when no advertised
 * host:port is configured the one other instances route queries to carries the port actually bound.
 */
public final class ProjectorStreams implements SmartLifecycle, ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ProjectorStreams.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final ProjectorProperties properties;
    private final String bootstrapServers;
    private final short replicationFactor;
    private volatile int webServerPort;
    private volatile KafkaStreams streams;
    private volatile HostInfo self;

    public ProjectorStreams(ProjectorProperties properties, String bootstrapServers, short replicationFactor) {
        this.properties = properties;
        this.bootstrapServers = bootstrapServers;
        this.replicationFactor = replicationFactor;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        webServerPort = event.getWebServer().getPort();
    }

    @Override
    public void start() {
        self = HostInfo.buildFromEndpoint(properties.advertisedHostPort() != null
            ? properties.advertisedHostPort()
            : "localhost:" + webServerPort);
        StreamsBuilder builder = new StreamsBuilder();
        new ProjectionTopology(properties).buildInto(builder);
        KafkaStreams started = new KafkaStreams(builder.build(), config());
        started.setUncaughtExceptionHandler(error -> {
            log.error("Projection thread failed; replacing it", error);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        started.setStateListener((to, from) -> log.info("Projection state {} -> {}", from, to));
        started.start();
        streams = started;
    }

    @Override
    public void stop() {
        KafkaStreams running = streams;
        if (running != null) {
            // Streams stays in its group on close by default; the next start would then wait for the departed
            // member's rebalance timeout (minutes) before it may answer queries.
            running.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT));
            streams = null;
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    public KafkaStreams.State state() {
        KafkaStreams running = streams;
        return running == null ? KafkaStreams.State.NOT_RUNNING : running.state();
    }

    /** This instance as other instances see it, the {@code application.server} it advertises. */
    public HostInfo self() {
        return self;
    }

    /** Which instance owns {@code key} in {@code store}; {@link KeyQueryMetadata#NOT_AVAILABLE} while rebalancing. */
    public KeyQueryMetadata ownerOf(String store, String key) {
        KafkaStreams running = streams;
        return running == null
            ? KeyQueryMetadata.NOT_AVAILABLE
            : running.queryMetadataForKey(store, key, Serdes.String().serializer());
    }

    /** The value of {@code key} in this instance's {@code store}; throws InvalidStateStoreException while it moves. */
    public <V> V localValue(String store, String key) {
        ReadOnlyKeyValueStore<String, V> values =
            streams.store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<String, V>keyValueStore()));
        return values.get(key);
    }

    private Properties config() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, properties.applicationId());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, properties.stateDir().toString());
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, properties.commitInterval().toMillis());
        config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) replicationFactor);
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        // The message task merges four topics, and one of them usually has nothing buffered (only commands
        // arrive during a launch, no commands while messages are sent). With idling on, Kafka Streams checks that
        // partition's lag before every record and formats its reasons for waiting with String.format: 29 % of the
        // projector's CPU during a campaign launch (docs/benchmarks.md, round 11). Waiting buys nothing here:
        // MessageLifecycle merges events in any order to the same state.
        config.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        return config;
    }
}
