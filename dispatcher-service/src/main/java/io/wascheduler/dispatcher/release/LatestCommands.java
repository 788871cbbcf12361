package io.wascheduler.dispatcher.release;

import io.wascheduler.dispatcher.DispatcherProperties;
import io.wascheduler.dispatcher.KafkaClients;
import io.wascheduler.dispatcher.command.CommandFields;
import io.wascheduler.model.topic.Topics;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The latest command per message, for the release-time cancel/edit check. Why a global table: the
 * compacted MESSAGE_COMMANDS topic already holds exactly this state; a Kafka Streams global table copies
 * it into RocksDB on local disk, so memory stays flat however many messages are pending (10 M pending
 * messages are 10 M RocksDB rows, not 10 M heap objects), and every instance sees every message whichever
 * tier partitions it owns. A restart catches up from the local checkpoint instead of reloading the topic
 * into memory.
 */
@Component
class LatestCommands implements SmartLifecycle {

    static final String STORE = "wa-latest-commands";

    private final KafkaStreams streams;
    private volatile ReadOnlyKeyValueStore<String, byte[]> store;
    private volatile boolean running;

    LatestCommands(KafkaClients kafka, DispatcherProperties properties) {
        StreamsBuilder builder = new StreamsBuilder();
        // kept as the topic's bytes: decoding every command on its way into the store and encoding it again
        // for RocksDB would be paid for each of millions of commands; a release reads a few fields of the one
        // it asks for. No record cache: each message is written about once and read about once, so a cache in
        // front of RocksDB only adds its bookkeeping to every write and read
        builder.globalTable(Topics.MESSAGE_COMMANDS.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()),
            Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(STORE).withCachingDisabled());
        Properties config = new Properties();
        config.putAll(kafka.common());
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "wa-dispatcher-commands");
        config.put(StreamsConfig.STATE_DIR_CONFIG, properties.stateDir().toAbsolutePath().toString());
        // only a global table: no stream thread and no consumer group are needed
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 0);
        config.put(StreamsConfig.globalConsumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), "read_committed");
        this.streams = new KafkaStreams(builder.build(), config);
    }

    /** The latest command for the message (null when none); empty while the table is not running. */
    Optional<Latest> latest(String messageId) {
        ReadOnlyKeyValueStore<String, byte[]> current = readyStore();
        if (current == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Latest(read(current.get(messageId))));
        } catch (InvalidStateStoreException e) {
            // the table is restoring or closing: ask again shortly, like before it was running
            return Optional.empty();
        }
    }

    /** @param command null when the table holds none for the message */
    record Latest(CommandFields command) {
    }

    /** An unreadable command counts as none, as the table's deserialization handler used to make it. */
    private static CommandFields read(byte[] command) {
        if (command == null) {
            return null;
        }
        try {
            return CommandFields.read(command);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** True when the table holds this very event as the message's latest command; reads only its event id. */
    boolean shows(String messageId, UUID eventId) {
        ReadOnlyKeyValueStore<String, byte[]> current = readyStore();
        if (current == null) {
            return false;
        }
        try {
            byte[] command = current.get(messageId);
            return command != null && eventId.equals(CommandFields.eventIdOf(command));
        } catch (InvalidStateStoreException | IllegalArgumentException e) {
            // restoring, closing, or an unreadable command: not shown (yet), so the tail keeps its own copy
            return false;
        }
    }

    boolean isReady() {
        return readyStore() != null;
    }

    /** The Kafka Streams state, for health. */
    String state() {
        return streams.state().name();
    }

    private ReadOnlyKeyValueStore<String, byte[]> readyStore() {
        if (store == null && streams.state() == KafkaStreams.State.RUNNING) {
            store = streams.store(StoreQueryParameters.fromNameAndType(STORE, QueryableStoreTypes.keyValueStore()));
        }
        return streams.state() == KafkaStreams.State.RUNNING ? store : null;
    }

    @Override
    public void start() {
        streams.start();
        running = true;
    }

    @Override
    public void stop() {
        streams.close(Duration.ofSeconds(10));
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the stages that ask it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }
}
