package io.wascheduler.benchmarks.sending;

import io.wascheduler.benchmarks.BenchmarkStack;
import io.wascheduler.benchmarks.MachineInfo;
import io.wascheduler.benchmarks.StackCpu;
import io.wascheduler.localstack.LocalStack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code ./dev bench sender-latency [messages] [warmUp]}: one sender at 1,000 messages/s while the sandbox answers
 * its sends only after 150 ms, so reaching the rate needs about 150 requests in flight. 30,000 messages due
 * now by default (30 s of work), written straight to the commands topic. Prints the achieved rate (per second,
 * from the sandbox ledger) and the dispatcher's peak of requests in flight ({@code wa.dispatcher.send.in-flight.peak}).
 * {@code warmUp} messages for a sender of its own go through first (see {@link SendingBenchSupport#warmUp}).
 */
public final class SenderLatencyBenchmark {

    private static final int THROUGHPUT_MPS = 1_000;
    private static final long LATENCY_MS = 150;
    private static final Duration PATIENCE_BEYOND_WORK = Duration.ofMinutes(3);

    private SenderLatencyBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 30 * THROUGHPUT_MPS;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        Map<String, Map<String, String>> settings = Map.of(
            "meta-sandbox", Map.of("sandbox.webhook-url", "", "sandbox.ledger.max-entries", Integer.toString(messages + warmUp + 1_000)),
            "dispatcher-service", Map.of("logging.level.io.wascheduler", "WARN"));
        try (LocalStack stack = BenchmarkStack.start("sender-latency", settings)) {
            SendingBenchSupport support = new SendingBenchSupport(stack);
            support.warmUp(1, warmUp, THROUGHPUT_MPS);
            String sender = support.registerSenders("55502000", 1, THROUGHPUT_MPS).getFirst();
            support.sandboxConfig(Map.of("latencyPerNumberMs", Map.of(sender, LATENCY_MS)));
            Thread.sleep(2_000); // SenderConfigured reaches the dispatcher through the outbox and Kafka
            Instant start = Instant.now();
            StackCpu cpu = StackCpu.start(stack);
            support.publishDueNow(List.of(sender), messages);
            System.out.printf("published %,d MessageScheduled (due now) for one sender at %d/s, %d ms sandbox latency%n",
                messages, THROUGHPUT_MPS, LATENCY_MS);
            Instant deadline = start.plusSeconds(messages / THROUGHPUT_MPS).plus(PATIENCE_BEYOND_WORK);
            long accepted = 0;
            while (accepted < messages && Instant.now().isBefore(deadline)) {
                Thread.sleep(5_000);
                accepted = support.accepted(List.of(sender));
                System.out.printf("  %,d of %,d accepted; dispatcher: %s%n", accepted, messages, support.dispatcherLoad());
            }
            SecondBuckets buckets = SecondBuckets.of(support.ledger(sender));
            System.out.printf("accepted %,d of %,d in %.1f s (first to last send): %.0f messages/s%n", buckets.count(),
                messages, (buckets.lastMillis() - buckets.firstMillis()) / 1000.0,
                buckets.count() * 1000.0 / Math.max(1, buckets.lastMillis() - buckets.firstMillis()));
            System.out.printf("per second (full seconds): min %d, avg %.1f, max %d (allowed %d)%n",
                buckets.minOfFullSeconds(), buckets.averageOfFullSeconds(), buckets.maxOfFullSeconds(), THROUGHPUT_MPS);
            System.out.println("each full second: " + buckets.fullSeconds().stream().map(String::valueOf)
                .collect(Collectors.joining(" ")));
            System.out.printf("requests in flight, peak: %.0f (dispatcher wa.dispatcher.send.in-flight.peak; max-in-flight 256)%n",
                support.dispatcherMetric("wa.dispatcher.send.in-flight.peak"));
            System.out.printf("Meta errors answered: 130429 x %d, 131056 x %d%n",
                support.sandboxStats().path(sender).path("errors").path("130429").asLong(0),
                support.sandboxStats().path(sender).path("errors").path("131056").asLong(0));
            System.out.println("send side, last minutes: " + support.dispatcherSendSteps());
            System.out.println(cpu.report());
        }
        System.out.println(MachineInfo.describe());
    }
}
