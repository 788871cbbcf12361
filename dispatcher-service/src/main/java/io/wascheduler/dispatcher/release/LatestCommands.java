package io.wascheduler.dispatcher.release;

import io.wascheduler.dispatcher.DispatcherProperties;
import io.wascheduler.dispatcher.KafkaClients;
import io.wascheduler.dispatcher.command.CommandFields;
import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.topic.Topics;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The latest command per message, for the release-time cancel/edit check. Why a global table: the
 * compacted MESSAGE_COMMANDS topic already holds this state; a Kafka Streams global store copies what the
 * check needs of it (the cancels and edits, see {@link LatestCommandWriter}) into RocksDB on local disk, so
 * memory stays flat however many messages are cancelled or edited (rows on disk, not heap objects), and every
 * instance sees every message whichever tier partitions it owns. A restart catches up from the local
 * checkpoint instead of reloading the topic into memory.
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
        // it asks for. No record cache: each command is written about once and read about once, so a cache in
        // front of RocksDB only adds its bookkeeping to every write and read
        builder.addGlobalStore(
            Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled(),
            Topics.MESSAGE_COMMANDS.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()), LatestCommandWriter::new);
        Properties config = new Properties();
        config.putAll(kafka.common());
        // not "wa-dispatcher-commands" any more: that directory holds the table as it was before it skipped first
        // schedules (another store layout), and its checkpoint would stop a new table from restoring the topic
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "wa-dispatcher-latest-commands");
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

    /**
     * Writes each command as the message's latest, but a first schedule ({@link EventCodec#isFirstSchedule(byte[])}):
     * the check decides the same with or without it, so the table holds the cancels and edits, not one row per
     * pending message, and a release of an unedited message looks up a key RocksDB's filters know is absent.
     * Kafka Streams restores a global store through this writer too.
     */
    private static final class LatestCommandWriter implements Processor<String, byte[], Void, Void> {

        private KeyValueStore<String, byte[]> latest;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            latest = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            if (record.key() == null) {
                return;
            }
            if (record.value() == null) {
                latest.delete(record.key());
            } else if (!EventCodec.isFirstSchedule(record.value())) {
                latest.put(record.key(), record.value());
            }
        }
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
