package io.wascheduler.benchmarks;

import io.wascheduler.localstack.LocalStack;
import io.wascheduler.localstack.ServiceTuning;
import io.wascheduler.localstack.StackOptions;
import io.wascheduler.localstack.StackPorts;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A whole local stack for one benchmark run: fresh data in its own folder, ports shifted away from a
 * running {@code ./dev up} (by default 8080 becomes 18080, ...; {@code WA_BENCH_PORT_OFFSET} changes the
 * shift), service and broker JVMs with full JIT compilation.
 */
public final class BenchmarkStack {

    private static final int DEFAULT_PORT_OFFSET = 10_000;
    public static final StackPorts PORTS = StackPorts.STANDARD.offsetBy(portOffset());
    private static final List<String> BENCHMARK_JVM_OPTIONS = List.of("-Xmx768m", "-XX:+UseParallelGC");
    /** The broker of every benchmark stack: full JIT, like the services. */
    public static final List<String> BENCHMARK_BROKER_JVM_OPTIONS = List.of("-Xmx1g", "-XX:+UseParallelGC");

    private BenchmarkStack() {
    }

    private static int portOffset() {
        String configured = System.getenv("WA_BENCH_PORT_OFFSET");
        return configured == null || configured.isBlank() ? DEFAULT_PORT_OFFSET : Integer.parseInt(configured.trim());
    }

    /**
     * With {@code WA_BENCH_JFR=1} every JVM of the stack records a Flight Recorder profile into
     * {@code target/stack-<benchmark>-jfr/<pid>.jfr} (the stack clears its own state folder), written when the stack
     * stops: where a message's CPU goes, per process.
     */
    private static List<String> withRecording(List<String> options, Path state) throws IOException {
        if (!"1".equals(System.getenv("WA_BENCH_JFR"))) {
            return options;
        }
        Path recordings = Files.createDirectories(state.resolveSibling(state.getFileName() + "-jfr"));
        return Stream.concat(options.stream(), Stream.of(
            "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + recordings + "/%p.jfr")).toList();
    }

    /** Starts the stack; {@code settingsByService} adds settings per service name (e.g. "dispatcher-service"). */
    public static LocalStack start(String benchmarkName, Map<String, Map<String, String>> settingsByService) {
        try {
            Path root = Path.of("").toAbsolutePath();
            Path state = Files.createDirectories(root.resolve("infra/benchmarks/target/stack-" + benchmarkName));
            String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
            return LocalStack.start(new StackOptions(root, state, classpath, true, PORTS, null,
                new ServiceTuning(withRecording(BENCHMARK_JVM_OPTIONS, state), settingsByService,
                    withRecording(BENCHMARK_BROKER_JVM_OPTIONS, state))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
