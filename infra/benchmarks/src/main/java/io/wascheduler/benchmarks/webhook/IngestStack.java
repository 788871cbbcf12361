package io.wascheduler.benchmarks.webhook;

import io.wascheduler.benchmarks.BenchmarkStack;
import io.wascheduler.localstack.StackPorts;
import io.wascheduler.localstack.kafka.KafkaBroker;
import io.wascheduler.localstack.process.HealthWaiter;
import io.wascheduler.localstack.process.JvmSpec;
import io.wascheduler.localstack.process.ManagedProcess;
import io.wascheduler.localstack.process.ProcessGroup;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Only what the ingest benchmark measures: a KRaft broker and webhook-ingest (full JIT), on the benchmark
 * ports, so that no projector or scheduler-api competes for the two cores while webhooks arrive.
 */
final class IngestStack implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final List<String> JVM_OPTIONS = List.of("-Xmx768m", "-XX:+UseParallelGC");

    private final ProcessGroup group;
    private long kafkaPid;
    private long ingestPid;
    private final StackPorts ports = BenchmarkStack.PORTS;

    private IngestStack(ProcessGroup group) {
        this.group = group;
    }

    static IngestStack start(String appSecret, String verifyToken) throws IOException {
        Path root = Path.of("").toAbsolutePath();
        Path state = root.resolve("infra/benchmarks/target/stack-webhook-ingest");
        deleteRecursively(state);
        Files.createDirectories(state.resolve("logs"));
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> !entry.isBlank()).map(entry -> Path.of(entry).toAbsolutePath().toString())
            .collect(Collectors.joining(File.pathSeparator));
        IngestStack stack = new IngestStack(ProcessGroup.guarded(classpath, state.resolve("logs/orphan-guard.log")));
        try {
            String bootstrap = "localhost:" + stack.ports.kafka();
            ManagedProcess kafka = stack.group.add(KafkaBroker.start(state.resolve("kafka"), stack.ports.kafka(),
                stack.ports.kafkaController(), classpath, BenchmarkStack.BENCHMARK_BROKER_JVM_OPTIONS,
                state.resolve("logs/kafka.log")), GRACE);
            KafkaBroker.awaitReadyAndCreateTopics(kafka, bootstrap, READY_TIMEOUT);
            stack.kafkaPid = kafka.pid();
            JvmSpec ingest = new JvmSpec("webhook-ingest", JVM_OPTIONS, JvmSpec.executableJar(executableJar(root)),
                List.of("--server.port=" + stack.ports.webhookIngest(), "--spring.kafka.bootstrap-servers=" + bootstrap),
                Map.of("SPRING_APPLICATION_JSON", "{\"wa.webhook.app-secret\":\"" + appSecret
                    + "\",\"wa.webhook.verify-token\":\"" + verifyToken + "\"}"),
                stack.baseUrl().resolve("/actuator/health"));
            stack.ingestPid = stack.group.addService(ManagedProcess.start(ingest, state.resolve("logs/webhook-ingest.log")),
                GRACE).pid();
            new HealthWaiter(System.out::println).awaitUp(stack.group.services(), READY_TIMEOUT);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    URI baseUrl() {
        return URI.create("http://localhost:" + ports.webhookIngest());
    }

    /** CPU time used so far by the broker, webhook-ingest and this JVM (the load generator), in that order. */
    CpuTimes cpuTimes() {
        return new CpuTimes(cpu(kafkaPid), cpu(ingestPid), cpu(ProcessHandle.current().pid()));
    }

    record CpuTimes(Duration kafka, Duration ingest, Duration generator) {

        CpuTimes since(CpuTimes earlier) {
            return new CpuTimes(kafka.minus(earlier.kafka), ingest.minus(earlier.ingest), generator.minus(earlier.generator));
        }
    }

    private static Duration cpu(long pid) {
        return ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    @Override
    public void close() {
        group.stopAll(GRACE, System.out::println);
    }

    private static Path executableJar(Path root) throws IOException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(root.resolve("webhook-ingest/target"),
            "webhook-ingest-*-exec.jar")) {
            found.forEach(jars::add);
        }
        if (jars.size() != 1) {
            throw new IllegalStateException("Expected one webhook-ingest exec jar, found " + jars
                + "; build it: ./mvnw -pl webhook-ingest install -DskipTests");
        }
        return jars.getFirst();
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
