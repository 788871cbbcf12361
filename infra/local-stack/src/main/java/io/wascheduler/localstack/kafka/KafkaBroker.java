package io.wascheduler.localstack.kafka;

import io.wascheduler.localstack.process.JvmSpec;
import io.wascheduler.localstack.process.ManagedProcess;
import io.wascheduler.localstack.process.StartupFailedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A single-node KRaft Kafka (one process that is both broker and controller) run from the Kafka jars on the
 * launcher's class path. Every internal topic has replication 1, since there is one broker.
 */
public final class KafkaBroker {

    /** Webhook bodies reach 3 MB and go to a topic whole; leave room for the record's overhead. */
    private static final int MAX_MESSAGE_BYTES = 5 * 1024 * 1024;

    private KafkaBroker() {
    }

    /** The broker's configuration: plain listeners on localhost, data under {@code directory}. */
    public static Map<String, String> configuration(Path directory, int port, int controllerPort) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.bootstrap.servers", "localhost:" + controllerPort);
        config.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("log.dirs", directory.resolve("data").toString());
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        // Every topic is declared (by this launcher and by the services): a typo must not create a new one.
        config.put("auto.create.topics.enable", "false");
        // One developer's consumer groups: no reason to wait for more members before the first assignment.
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("message.max.bytes", Integer.toString(MAX_MESSAGE_BYTES));
        return config;
    }

    public static ManagedProcess start(Path directory, int port, int controllerPort, String classpath,
                                       List<String> jvmOptions, Path logFile) {
        Path propertiesFile = directory.resolve("server.properties");
        write(propertiesFile, configuration(directory, port, controllerPort));
        JvmSpec spec = new JvmSpec("kafka", jvmOptions, JvmSpec.mainClass(classpath, KafkaBrokerMain.class),
            List.of(propertiesFile.toString()), Map.of(), null);
        return ManagedProcess.start(spec, logFile);
    }

    /** Waits until the broker answers a client, creating every topic of the system once it does. */
    public static void awaitReadyAndCreateTopics(ManagedProcess broker, String bootstrapServers, Duration timeout) {
        try {
            TopicCreator.createAll(bootstrapServers, timeout, broker::isAlive);
        } catch (RuntimeException e) {
            throw StartupFailedException.withLog("Kafka did not become ready: " + e.getMessage(), broker);
        }
    }

    private static void write(Path file, Map<String, String> config) {
        Properties properties = new Properties();
        properties.putAll(config);
        try {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(writer, "Written by the local stack at every start");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
