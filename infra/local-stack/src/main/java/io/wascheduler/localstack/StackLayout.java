package io.wascheduler.localstack;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where everything of one local stack lives: the repository it runs from (for the services' jars),
 * its state folder and its ports. The state folder survives restarts; deleting it resets the stack.
 */
public record StackLayout(Path repositoryRoot, Path stateDirectory, StackPorts ports) {

    public static final String DATABASE = "wa_scheduler";
    public static final String DATABASE_USER = "wa";

    public StackLayout {
        repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
        stateDirectory = stateDirectory.toAbsolutePath().normalize();
    }

    public Path logsDirectory() {
        return stateDirectory.resolve("logs");
    }

    public Path logFile(String processName) {
        return logsDirectory().resolve(processName + ".log");
    }

    public Path kafkaDirectory() {
        return stateDirectory.resolve("kafka");
    }

    /** PostgreSQL's data folder; the server writes its own log beside it ({@code postgres/data.log}). */
    public Path postgresDataDirectory() {
        return stateDirectory.resolve("postgres").resolve("data");
    }

    /** A service's own working state (Kafka Streams stores and the like). */
    public Path serviceStateDirectory(String serviceName) {
        return stateDirectory.resolve("state").resolve(serviceName);
    }

    public Path secretsFile() {
        return stateDirectory.resolve("secrets.properties");
    }

    public Path demoEnvFile() {
        return stateDirectory.resolve("demo.env");
    }

    /** The folder where a module's build leaves its executable (Spring Boot repackaged) jar. */
    public Path buildOutput(String module) {
        return repositoryRoot.resolve(module).resolve("target");
    }

    public String kafkaBootstrapServers() {
        return "localhost:" + ports.kafka();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/" + DATABASE;
    }

    public String r2dbcUrl() {
        return "r2dbc:postgresql://127.0.0.1:" + ports.postgres() + "/" + DATABASE;
    }

    public URI httpBase(int port) {
        return URI.create("http://localhost:" + port);
    }
}
