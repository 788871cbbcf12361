package io.wascheduler.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One OS process of the stack, its output appended to its own log file. Processes run in a session of
 * their own where the system allows it, so that Ctrl-C in the terminal reaches only the launcher, which
 * then stops them in order.
 */
public final class ManagedProcess {

    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final Duration LOG_POLL_INTERVAL = Duration.ofMillis(100);

    private final String name;
    private final Process process;
    private final Path logFile;
    private final URI healthUrl;
    private final long logStart;

    private ManagedProcess(String name, Process process, Path logFile, URI healthUrl, long logStart) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.healthUrl = healthUrl;
        this.logStart = logStart;
    }

    public static ManagedProcess start(JvmSpec spec, Path logFile) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.addAll(spec.command());
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "=== " + spec.name() + " starting at " + Instant.now() + " ===" + System.lineSeparator(),
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(spec.environment());
            long logStart = Files.size(logFile);
            return new ManagedProcess(spec.name(), builder.start(), logFile, spec.healthUrl(), logStart);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + spec.name(), e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    public Optional<URI> healthUrl() {
        return Optional.ofNullable(healthUrl);
    }

    /** Waits until this run of the process writes {@code marker} to its log; fails if it exits first. */
    public void awaitLogLine(String marker, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!LogTail.since(logFile, logStart).contains(marker)) {
            if (!isAlive()) {
                throw StartupFailedException.withLog(name + " exited while starting", this);
            }
            if (Instant.now().isAfter(deadline)) {
                throw StartupFailedException.withLog(name + " was not ready within " + timeout.toSeconds() + " s", this);
            }
            try {
                Thread.sleep(LOG_POLL_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupFailedException("Interrupted while waiting for " + name);
            }
        }
    }

    /** Writes one line to the process's standard input; only the orphan guard reads it. */
    void tell(String line) {
        try {
            Writer input = process.outputWriter(StandardCharsets.US_ASCII);
            input.write(line + "\n");
            input.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to " + name, e);
        }
    }

    /** Asks the process to stop (SIGTERM), so its shutdown hooks run; does not wait. */
    public void requestStop() {
        process.destroy();
    }

    /** Waits for the process to end after {@link #requestStop()}, killing it when {@code grace} runs out. */
    public void awaitStop(Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    public void stop(Duration grace) {
        requestStop();
        awaitStop(grace);
    }

    /** The last {@code count} lines of the log, for an error message. */
    public String logTail(int count) {
        return LogTail.of(logFile, count);
    }
}
