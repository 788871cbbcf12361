package io.wascheduler.localstack.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The processes of one stack in start order, watched by an {@link OrphanGuard} so that none outlives the
 * launcher. Stopping asks every service to stop at once, then stops the other processes one by one in
 * reverse order, so each part outlives the parts that depend on it; the guard goes last.
 */
public final class ProcessGroup {

    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(2);

    private final ManagedProcess guard;
    private final List<ManagedProcess> processes = new ArrayList<>();
    private final List<ManagedProcess> services = new ArrayList<>();
    private boolean stopped;

    private ProcessGroup(ManagedProcess guard) {
        this.guard = guard;
    }

    /** An empty group; its guard runs from {@code classpath} and logs to {@code guardLog}. */
    public static ProcessGroup guarded(String classpath, Path guardLog) {
        return new ProcessGroup(ManagedProcess.start(OrphanGuard.spec(classpath), guardLog));
    }

    /** Adds a started process; one started while the group is stopping is stopped at once. */
    public synchronized ManagedProcess add(ManagedProcess process, Duration grace) {
        if (stopped) {
            process.stop(grace);
            throw new StartupFailedException("The stack is stopping");
        }
        guard.tell(Long.toString(process.pid()));
        processes.add(process);
        return process;
    }

    public synchronized ManagedProcess addService(ManagedProcess service, Duration grace) {
        services.add(add(service, grace));
        return service;
    }

    public synchronized List<ManagedProcess> services() {
        return List.copyOf(services);
    }

    public synchronized boolean isStopped() {
        return stopped;
    }

    public synchronized void stopAll(Duration grace, Consumer<String> progress) {
        if (stopped) {
            return;
        }
        stopped = true;
        services.reversed().forEach(ManagedProcess::requestStop);
        services.reversed().forEach(service -> service.awaitStop(grace));
        processes.reversed().stream().filter(process -> !services.contains(process)).forEach(process -> {
            progress.accept("Stopping " + process.name());
            process.stop(grace);
        });
        guard.stop(grace);
    }

    /** Blocks until the group is stopped, telling {@code warnings} about any process that dies on its own. */
    public void reportUnexpectedExits(Consumer<String> warnings) {
        List<ManagedProcess> reported = new ArrayList<>();
        while (!isStopped()) {
            List<ManagedProcess> snapshot;
            synchronized (this) {
                snapshot = List.copyOf(processes);
            }
            snapshot.stream().filter(process -> !process.isAlive() && !reported.contains(process)).forEach(process -> {
                reported.add(process);
                warnings.accept(process.name() + " exited on its own; see " + process.logFile());
            });
            try {
                Thread.sleep(WATCH_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
