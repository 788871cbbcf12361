package io.wascheduler.benchmarks;

import io.wascheduler.localstack.LocalStack;
import io.wascheduler.localstack.StackPorts;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The CPU time every process of a benchmark stack used between {@link #start} and {@link #report}: on a
 * 2-core machine all of them share the same cores, so a throughput figure means little without knowing
 * where the cores went.
 */
public final class StackCpu {

    private final Map<String, ProcessCpu> processes = new LinkedHashMap<>();
    private final Map<String, Duration> before = new LinkedHashMap<>();
    private final Map<String, Duration> compilingBefore = new LinkedHashMap<>();
    private final Instant startedAt = Instant.now();

    private StackCpu(LocalStack stack) {
        StackPorts ports = stack.layout().ports();
        processes.put("kafka", ProcessCpu.of("KafkaBrokerMain"));
        processes.put("postgres", ProcessCpu.of("-p " + ports.postgres() + " "));
        processes.put("scheduler-api", service(ports.schedulerApi()));
        processes.put("dispatcher", service(ports.dispatcher()));
        processes.put("webhook-ingest", service(ports.webhookIngest()));
        processes.put("status-projector", service(ports.statusProjector()));
        processes.put("sandbox", service(ports.metaSandbox()));
        processes.forEach((name, process) -> {
            before.put(name, process.used());
            compilingBefore.put(name, process.compiling());
        });
    }

    public static StackCpu start(LocalStack stack) {
        return new StackCpu(stack);
    }

    private static ProcessCpu service(int port) {
        return ProcessCpu.of("--server.port=" + port);
    }

    /**
     * One line: seconds of CPU per process, the total, how many cores that was over the wall time, and how much of
     * it the JVMs' JIT compiler threads used.
     */
    public String report() {
        double wall = Duration.between(startedAt, Instant.now()).toMillis() / 1000.0;
        Map<String, Double> used = new LinkedHashMap<>();
        Map<String, Double> compiling = new LinkedHashMap<>();
        processes.forEach((name, process) -> {
            used.put(name, seconds(process.used().minus(before.get(name))));
            double compiled = seconds(process.compiling().minus(compilingBefore.get(name)));
            if (compiled > 0) {
                compiling.put(name, compiled);
            }
        });
        double total = used.values().stream().mapToDouble(Double::doubleValue).sum();
        return String.format("CPU over %.0f s: %s; all %.1f s = %.2f cores; JIT compiling %.1f s of it: %s", wall,
            perProcess(used), total, total / wall, compiling.values().stream().mapToDouble(Double::doubleValue).sum(),
            perProcess(compiling));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static String perProcess(Map<String, Double> seconds) {
        return seconds.entrySet().stream()
            .map(entry -> String.format("%s %.1f s", entry.getKey(), entry.getValue()))
            .collect(Collectors.joining(", "));
    }
}
