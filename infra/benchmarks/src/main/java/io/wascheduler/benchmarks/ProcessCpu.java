package io.wascheduler.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time used by a process of the stack and its children (PostgreSQL runs one process per connection),
 * found by a fragment of its command line. Children that already exited are not counted, which is fine for
 * pooled connections that live through the whole run.
 */
public final class ProcessCpu {

    private final Optional<ProcessHandle> root;

    private ProcessCpu(Optional<ProcessHandle> root) {
        this.root = root;
    }

    public static ProcessCpu of(String commandLineFragment) {
        return new ProcessCpu(ProcessHandle.allProcesses()
            .filter(process -> commandLine(process).contains(commandLineFragment))
            .findFirst());
    }

    /**
     * The whole command line: the JDK's {@code ProcessHandle.Info} gives none for a very long one (the broker's
     * class path is tens of kilobytes), so on Linux it is read from /proc, as {@code ps} does.
     */
    private static String commandLine(ProcessHandle process) {
        Path procfs = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            return new String(Files.readAllBytes(procfs), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return process.info().commandLine().orElse("");
        }
    }

    public Duration used() {
        return root.map(process -> Stream.concat(Stream.of(process), process.descendants())
                .map(each -> each.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus))
            .orElse(Duration.ZERO);
    }
}
