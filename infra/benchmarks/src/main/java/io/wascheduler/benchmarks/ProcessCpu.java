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

    /** utime and stime in /proc/[pid]/task/[tid]/stat, counted from the field after the thread's name. */
    private static final int UTIME_FIELD = 11;
    private static final int STIME_FIELD = 12;
    /** The kernel reports thread CPU in USER_HZ ticks, 100 a second on Linux. */
    private static final long MILLIS_PER_TICK = 10;

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

    /**
     * CPU time the process's JIT compiler threads used ({@code C1 CompilerThread*}, {@code C2 CompilerThread*}): a
     * JVM that is still compiling its hot paths spends cores on that which a long-running service does not. Read
     * from /proc (utime + stime of each thread, in the kernel's fixed 100 ticks a second); zero where there is none.
     */
    public Duration compiling() {
        return root.map(process -> {
            try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
                return threads.map(ProcessCpu::compilerThreadCpu).reduce(Duration.ZERO, Duration::plus);
            } catch (IOException | RuntimeException e) {
                return Duration.ZERO;
            }
        }).orElse(Duration.ZERO);
    }

    private static Duration compilerThreadCpu(Path thread) {
        try {
            String stat = Files.readString(thread.resolve("stat"));
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            if (!name.matches("C[12] CompilerThre.*")) {
                return Duration.ZERO;
            }
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[UTIME_FIELD]) + Long.parseLong(fields[STIME_FIELD]);
            return Duration.ofMillis(ticks * MILLIS_PER_TICK);
        } catch (IOException | RuntimeException e) {
            return Duration.ZERO;
        }
    }

    public Duration used() {
        return root.map(process -> Stream.concat(Stream.of(process), process.descendants())
                .map(each -> each.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus))
            .orElse(Duration.ZERO);
    }
}
