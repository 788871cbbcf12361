package io.wascheduler.localstack.postgres;

import io.wascheduler.localstack.process.JvmSpec;
import io.wascheduler.localstack.process.ManagedProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Starts {@link PostgresMain}; {@link #awaitReady} waits until the database accepts connections. */
public final class PostgresServer {

    private static final List<String> JVM_OPTIONS = List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private PostgresServer() {
    }

    public static ManagedProcess start(Path dataDirectory, int port, String database, String user, String password,
                                       String classpath, Path logFile) {
        JvmSpec spec = new JvmSpec("postgres", JVM_OPTIONS, JvmSpec.mainClass(classpath, PostgresMain.class),
            List.of(dataDirectory.toString(), Integer.toString(port), database, user),
            Map.of(PostgresMain.PASSWORD_VARIABLE, password), null);
        return ManagedProcess.start(spec, logFile);
    }

    public static void awaitReady(ManagedProcess postgres, Duration timeout) {
        postgres.awaitLogLine(PostgresMain.READY_MARKER, timeout);
    }
}
