package io.wascheduler.benchmarks.ladder;

import io.wascheduler.benchmarks.BenchmarkStack;
import io.wascheduler.benchmarks.MachineInfo;
import io.wascheduler.localstack.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * {@code ./dev bench held-scale [messages]}: {@code messages} (default 10,000,000) MessageScheduled
 * published straight onto wa.message.commands, due spread over the next week (1 to 8 days ahead). At 10 %,
 * 50 % and 100 % of them, once the dispatcher holds them all in its tiers, it prints the dispatcher's heap
 * after a full GC (jcmd GC.run, then jvm.memory.used area=heap), the records held per tier (a tier batch counting
 * once) and the size of the broker's data folder.
 */
public final class HeldScaleBenchmark {

    private static final Duration HOLD_WAIT = Duration.ofMinutes(40);
    private static final long SPREAD_MILLIS = Duration.ofDays(7).toMillis();

    private HeldScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long messages = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        long[] milestones = {messages / 10, messages / 2, messages};
        try (LocalStack stack = BenchmarkStack.start("held-scale", Map.of())) {
            LadderBenchSupport support = new LadderBenchSupport(stack);
            Instant firstDue = Instant.now().plus(Duration.ofDays(1));
            long published = 0;
            Instant started = Instant.now();
            try (KafkaProducer<String, byte[]> producer = support.commandsProducer()) {
                for (long milestone : milestones) {
                    for (; published < milestone; published++) {
                        producer.send(support.scheduled("held-" + published, "77700000099",
                            "+1650" + String.format("%07d", published % 10_000_000), firstDue.plusMillis(published * 7919 % SPREAD_MILLIS)));
                    }
                    producer.flush();
                    System.out.printf("published %d in %d s%n", published, Duration.between(started, Instant.now()).toSeconds());
                    report(stack, support, published);
                }
            }
        }
        System.out.println(MachineInfo.describe());
    }

    /**
     * Waits until the intake has taken every published command into the tiers. The tiers' counts cannot say so: a tier
     * batch (a sender's records due within a second of each other) counts once, however many messages it holds.
     */
    private static void report(LocalStack stack, LadderBenchSupport support, long published) throws Exception {
        Instant deadline = Instant.now().plus(HOLD_WAIT);
        Map<String, Long> waiting;
        do {
            // the gauges are counted once a second: a first look could still show the intake before this milestone
            Thread.sleep(Duration.ofSeconds(5));
            waiting = waitingPerStage(support);
        } while ((waiting.getOrDefault("intake", 1L) > 0 || waiting.size() < 2) && Instant.now().isBefore(deadline));
        Map<String, Long> held = new TreeMap<>(waiting);
        held.remove("intake");
        held.values().removeIf(count -> count == 0);
        long dispatcherPid = dispatcherPid(stack);
        new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(dispatcherPid),
            "GC.run").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        double heapMb = support.dispatcherMetric("jvm.memory.used?tag=area:heap") / (1024 * 1024);
        System.out.printf("%,d published: records held per tier, a tier batch counting once, %s (total %,d); dispatcher heap after GC %.0f MB; "
                + "broker data %.0f MB; dispatcher state-dir (latest commands, RocksDB) %.0f MB%n", published, held,
            held.values().stream().mapToLong(Long::longValue).sum(), heapMb,
            sizeMb(stack.layout().kafkaDirectory()), sizeMb(stack.layout().serviceStateDirectory("dispatcher-service")));
    }

    /** Records waiting in each stage's source topic (the intake's: commands not yet taken into the tiers). */
    private static Map<String, Long> waitingPerStage(LadderBenchSupport support) {
        Map<String, Long> waiting = new TreeMap<>();
        for (String stage : support.dispatcherTagValues("wa.dispatcher.tier.held", "stage")) {
            waiting.put(stage, (long) support.dispatcherMetric("wa.dispatcher.tier.held?tag=stage:" + stage));
        }
        return waiting;
    }

    private static long dispatcherPid(LocalStack stack) {
        String port = "--server.port=" + stack.layout().ports().dispatcher();
        return ProcessHandle.allProcesses()
            .filter(process -> process.info().commandLine().map(line -> line.contains("dispatcher-service")
                && line.contains(port)).orElse(false))
            .findFirst().orElseThrow(() -> new IllegalStateException("No dispatcher process with " + port)).pid();
    }

    private static double sizeMb(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0;
                }
            }).sum() / (1024.0 * 1024.0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
