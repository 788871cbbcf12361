package io.wascheduler.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** The machine a benchmark ran on, printed with every result so figures are never quoted without it. */
public final class MachineInfo {

    private MachineInfo() {
    }

    public static String describe() {
        Runtime runtime = Runtime.getRuntime();
        String cpu = firstLine(Path.of("/proc/cpuinfo"), "model name").map(line -> line.replaceFirst(".*:\\s*", ""))
            .orElse("unknown CPU");
        String memory = firstLine(Path.of("/proc/meminfo"), "MemTotal").map(line -> line.replaceFirst(".*:\\s*", ""))
            .orElse("unknown");
        return String.format("machine: %d cores (%s), memory %s, %s %s, Java %s, load average %.2f",
            runtime.availableProcessors(), cpu, memory, System.getProperty("os.name"), System.getProperty("os.version"),
            System.getProperty("java.version"), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static Optional<String> firstLine(Path file, String prefix) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(prefix)).findFirst();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
