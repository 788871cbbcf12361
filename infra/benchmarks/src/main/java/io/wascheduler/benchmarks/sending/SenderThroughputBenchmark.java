package io.wascheduler.benchmarks.sending;

import io.wascheduler.benchmarks.BenchmarkStack;
import io.wascheduler.benchmarks.MachineInfo;
import io.wascheduler.benchmarks.StackClient;
import io.wascheduler.benchmarks.StackCpu;
import io.wascheduler.localstack.LocalStack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./dev bench sender-throughput [messagesPerSender] [leadSeconds] [warmUpPerSender]}: 20 senders at 500 messages/s each, with
 * enough messages to keep every sender busy for 60 s (30,000 each, 600,000 in all; fewer by argument), all due now
 * or, with {@code leadSeconds}, all due at one instant that far ahead, as a campaign scheduled for 9:00 is: the
 * stack takes the commands in before the instant, and the measurement starts at it. {@code warmUpPerSender} messages
 * for each of 20 senders of their own go through first (see {@link SendingBenchSupport#warmUp}).
 * The messages are written straight to the commands topic, so scheduler-api is not part of the measurement,
 * and the sandbox posts no status webhooks, so the measurement is the sending path: commands, ladder,
 * release, send loop, Cloud API. Prints the achieved rate per sender (per second, from the sandbox ledger's
 * acceptedAt), the total sends per second, the 130429 and 131056 answers (target 0) and the CPU used.
 */
public final class SenderThroughputBenchmark {

    private static final int SENDERS = 20;
    private static final int THROUGHPUT_MPS = 500;
    private static final int SECONDS_OF_WORK = 60;
    private static final Duration PATIENCE_BEYOND_WORK = Duration.ofMinutes(4);

    private SenderThroughputBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        int perSender = args.length > 0 ? Integer.parseInt(args[0]) : THROUGHPUT_MPS * SECONDS_OF_WORK;
        int total = perSender * SENDERS;
        int leadSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int warmUpPerSender = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        Map<String, Map<String, String>> settings = Map.of(
            "meta-sandbox", Map.of("sandbox.webhook-url", "", "sandbox.ledger.max-entries",
                Integer.toString(total + SENDERS * warmUpPerSender + 1_000)),
            "dispatcher-service", Map.of("logging.level.io.wascheduler", "WARN"));
        try (LocalStack stack = BenchmarkStack.start("sender-throughput", settings)) {
            SendingBenchSupport support = new SendingBenchSupport(stack);
            support.warmUp(SENDERS, warmUpPerSender, THROUGHPUT_MPS);
            List<String> senders = support.registerSenders("55501000", SENDERS, THROUGHPUT_MPS);
            Thread.sleep(2_000); // SenderConfigured reaches the dispatcher through the outbox and Kafka
            Instant dueAt = leadSeconds == 0 ? null : Instant.now().plusSeconds(leadSeconds);
            StackCpu cpu = leadSeconds == 0 ? StackCpu.start(stack) : null;
            Instant start = Instant.now();
            StackClient.LadderWork ladderAtStart = support.ladderWork();
            System.out.printf("publishing %,d MessageScheduled (%s) for %d senders at %d/s to wa.message.commands%n",
                total, dueAt == null ? "due now" : "due at " + dueAt, SENDERS, THROUGHPUT_MPS);
            support.publishDueAt(senders, perSender, dueAt);
            System.out.printf("published in %.1f s%n", Duration.between(start, Instant.now()).toMillis() / 1000.0);
            if (dueAt != null) {
                Thread.sleep(Math.max(0, Duration.between(Instant.now(), dueAt).toMillis()));
                System.out.printf("due now; dispatcher: %s%n", support.dispatcherLoad());
                cpu = StackCpu.start(stack);
                start = Instant.now();
                ladderAtStart = support.ladderWork();
            }

            Instant deadline = Instant.now().plusSeconds(perSender / THROUGHPUT_MPS).plus(PATIENCE_BEYOND_WORK);
            long accepted = 0;
            while (accepted < total && Instant.now().isBefore(deadline)) {
                Thread.sleep(5_000);
                accepted = support.accepted(senders);
                System.out.printf("  %,d of %,d accepted after %d s; dispatcher: %s%n", accepted, total,
                    Duration.between(start, Instant.now()).toSeconds(), support.dispatcherLoad());
            }
            report(support, senders, total);
            System.out.println("ladder since the measurement started: " + support.ladderWork().since(ladderAtStart));
            System.out.println(cpu.report() + (dueAt == null ? " (publishing to last accepted)" : " (due instant to last accepted)"));
        }
        System.out.println(MachineInfo.describe());
    }

    private static void report(SendingBenchSupport support, List<String> senders, int total) {
        JsonNode stats = support.sandboxStats();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long accepted = 0;
        List<Double> averages = new ArrayList<>();
        List<JsonNode> allSends = new ArrayList<>();
        System.out.println("sender          accepted   per second: min    avg    max  (full seconds between its first and last send)");
        for (String sender : senders) {
            List<JsonNode> ledger = support.ledger(sender);
            allSends.addAll(ledger);
            SecondBuckets buckets = SecondBuckets.of(ledger);
            first = Math.min(first, buckets.firstMillis());
            last = Math.max(last, buckets.lastMillis());
            accepted += buckets.count();
            averages.add(buckets.averageOfFullSeconds());
            System.out.printf("%s  %,9d   %17d %6.1f %6d%n", sender, buckets.count(), buckets.minOfFullSeconds(),
                buckets.averageOfFullSeconds(), buckets.maxOfFullSeconds());
        }
        double sendingSeconds = (last - first) / 1000.0;
        System.out.printf("accepted %,d of %,d; first to last send %.1f s: %,.0f sends/s in all (target >= 10,000)%n",
            accepted, total, sendingSeconds, accepted / sendingSeconds);
        System.out.println("all senders, each full second: " + SecondBuckets.of(allSends).fullSeconds().stream()
            .map(String::valueOf).collect(Collectors.joining(" ")));
        System.out.printf("per-sender average rate: min %.1f, max %.1f messages/s (allowed %d)%n",
            averages.stream().mapToDouble(Double::doubleValue).min().orElse(0),
            averages.stream().mapToDouble(Double::doubleValue).max().orElse(0), THROUGHPUT_MPS);
        System.out.printf("Meta errors answered: 130429 x %d, 131056 x %d (target 0)%n",
            errors(stats, senders, 130429), errors(stats, senders, 131056));
        System.out.println("send side, last minutes: " + support.dispatcherSendSteps());
    }

    private static long errors(JsonNode stats, List<String> senders, int code) {
        return senders.stream()
            .mapToLong(sender -> stats.path(sender).path("errors").path(Integer.toString(code)).asLong(0)).sum();
    }
}
