package io.wascheduler.benchmarks;

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
            .filter(process -> process.info().commandLine().map(line -> line.contains(commandLineFragment)).orElse(false))
            .findFirst());
    }

    public boolean found() {
        return root.isPresent();
    }

    public Duration used() {
        return root.map(process -> Stream.concat(Stream.of(process), process.descendants())
                .map(each -> each.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus))
            .orElse(Duration.ZERO);
    }
}
