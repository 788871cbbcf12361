package io.wascheduler.localstack.kafka;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.Uuid;

/**
 * The Kafka broker's own process: formats its log directory the first time (a new cluster id, a
 * single-node dynamic controller quorum) and then runs Kafka's standard entry point on the same
 * properties file, exactly as {@code kafka-storage.sh format} and {@code kafka-server-start.sh} would.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: KafkaBrokerMain <server.properties>");
        }
        Path propertiesFile = Path.of(args[0]);
        if (!isFormatted(propertiesFile)) {
            format(propertiesFile);
        }
        kafka.Kafka.main(new String[] {propertiesFile.toString()});
    }

    private static boolean isFormatted(Path propertiesFile) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return Files.exists(Path.of(properties.getProperty("log.dirs")).resolve("meta.properties"));
    }

    private static void format(Path propertiesFile) {
        String clusterId = Uuid.randomUuid().toString();
        int exitCode = kafka.tools.StorageTool.execute(
            new String[] {"format", "--cluster-id", clusterId, "--config", propertiesFile.toString(), "--standalone"},
            System.out);
        if (exitCode != 0) {
            throw new IllegalStateException("Formatting the Kafka storage failed with exit code " + exitCode);
        }
        System.out.println("Formatted the Kafka storage for cluster " + clusterId);
    }
}
