package io.wascheduler.localstack;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How to start a local stack: the repository whose built jars it runs, the folder for its data and logs,
 * the class path of this launcher (the broker and PostgreSQL run from it), whether to wipe the data first,
 * the ports, how long the services may take to become healthy, and how the service JVMs are tuned.
 */
public record StackOptions(
    Path repositoryRoot, Path stateDirectory, String launcherClasspath, boolean fresh, StackPorts ports,
    Duration healthTimeout, ServiceTuning tuning) {

    public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofMinutes(3);
    public static final String STATE_FOLDER_NAME = ".local-stack";

    public StackOptions {
        Objects.requireNonNull(repositoryRoot, "repositoryRoot");
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        Objects.requireNonNull(launcherClasspath, "launcherClasspath");
        ports = ports == null ? StackPorts.STANDARD : ports;
        healthTimeout = healthTimeout == null ? DEFAULT_HEALTH_TIMEOUT : healthTimeout;
        tuning = tuning == null ? ServiceTuning.QUICK_START : tuning;
    }

    /** The standard ports and timeout, data in {@code stateDirectory}. */
    public static StackOptions standard(Path repositoryRoot, Path stateDirectory, String launcherClasspath, boolean fresh) {
        return new StackOptions(repositoryRoot, stateDirectory, launcherClasspath, fresh, StackPorts.STANDARD, null, null);
    }

    /** What {@code ./dev up} uses: run from the repository root, data in its {@code .local-stack}, this JVM's class path. */
    static StackOptions fromWorkingDirectory(boolean fresh) {
        Path root = Path.of("").toAbsolutePath();
        return standard(root, root.resolve(STATE_FOLDER_NAME), absolute(System.getProperty("java.class.path")), fresh);
    }

    /** Entries made absolute, so the processes started from this class path work from any folder. */
    private static String absolute(String classpath) {
        return Arrays.stream(classpath.split(File.pathSeparator)).filter(entry -> !entry.isBlank())
            .map(entry -> Path.of(entry).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
    }

    StackLayout layout() {
        return new StackLayout(repositoryRoot, stateDirectory, ports);
    }
}
