package io.wascheduler.benchmarks.ladder;

import io.wascheduler.benchmarks.BenchmarkStack;
import io.wascheduler.benchmarks.MachineInfo;
import io.wascheduler.benchmarks.Percentiles;
import io.wascheduler.benchmarks.StackClient;
import io.wascheduler.benchmarks.StackCpu;
import io.wascheduler.localstack.LocalStack;
import io.wascheduler.model.event.CallbackData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./dev bench release-precision [messages] [warmUp] [rounds]}: 20 senders with ample rate (1000/s each, sandbox and
 * scheduler-api), {@code messages} (default 20,000) due evenly within a 10 s window that starts 120 s
 * ahead, published as MessageScheduled straight onto wa.message.commands (scheduler-api's HTTP intake is
 * not what is measured here and would itself take longer than the lead time). Lateness is measured at the
 * sandbox ledger: acceptedAt − sendAt, so it includes the send loop and the HTTP call, not just the ladder;
 * and, for the ladder alone, at wa.dispatch.ready (the broker's append time of each release − its due instant).
 * {@code warmUp} (default 0: a cold stack) messages go through the whole path first. {@code rounds} (default 1)
 * measured windows follow one another, each scheduled once the one before is at the sandbox and reported on its
 * own: the stack's JVMs go on compiling their hot paths for minutes after a warm-up (each window's CPU line says
 * how much of it went to their JIT compilers), so a later round shows the stack nearer to how it runs for days.
 */
public final class ReleasePrecisionBenchmark {

    private static final int SENDERS = 20;
    private static final int THROUGHPUT_MPS = 1000;
    private static final Duration LEAD = Duration.ofSeconds(120);
    /** A message acknowledged by Kafka later than this before its instant is left out: it was published too late. */
    private static final Duration MIN_NOTICE = Duration.ofSeconds(2);
    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static final Duration COLLECT_TIMEOUT = Duration.ofMinutes(3);

    private ReleasePrecisionBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        try (LocalStack stack = BenchmarkStack.start("release-precision", Map.of())) {
            LadderBenchSupport support = new LadderBenchSupport(stack);
            List<String> senders = support.registerSenders(SENDERS, THROUGHPUT_MPS);
            Thread.sleep(Duration.ofSeconds(3)); // SenderConfigured reaches the dispatcher's rate table
            warmUp(support, senders, warmUp);
            ReadyTopicWatch ready = new ReadyTopicWatch();
            for (int round = 0; round < rounds; round++) {
                if (rounds > 1) {
                    System.out.printf("%nround %d of %d%n", round + 1, rounds);
                }
                measureWindow(stack, support, senders, ready, messages, round);
            }
            System.out.printf("dispatcher's own release lateness (release timer → wa.dispatch.ready)%s: %s%n",
                warmUp > 0 || rounds > 1 ? ", every message of the run" : "", dispatcherLateness(support));
            System.out.printf("send side, last minutes (release → read → request → answer): %s%n",
                support.dispatcherSendSteps());
        }
        System.out.println(MachineInfo.describe());
    }

    /**
     * One measured window: {@code messages} due within it, {@link #LEAD} ahead, each to a recipient no earlier
     * message of the run had (the pair rate would hold it back).
     */
    private static void measureWindow(LocalStack stack, LadderBenchSupport support, List<String> senders,
                                      ReadyTopicWatch ready, int messages, int round) throws InterruptedException {
        long sentBefore = support.accepted(senders);
        Map<String, Instant> sendAtById = new HashMap<>();
        Map<String, Instant> ackedAtById = new ConcurrentHashMap<>();
        Instant windowStart = Instant.now().plus(LEAD);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            String messageId = "precision-" + round + "-" + i;
            Instant sendAt = windowStart.plusMillis(WINDOW.toMillis() * i / messages);
            sendAtById.put(messageId, sendAt);
            records.add(support.scheduled(messageId, senders.get(i % SENDERS),
                "+1650" + String.format("%07d", round * messages + i), sendAt));
        }
        StackClient.LadderWork ladderAtPublish = support.ladderWork();
        Instant publishStart = Instant.now();
        try (KafkaProducer<String, byte[]> producer = support.commandsProducer()) {
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(record, (metadata, error) -> {
                    if (error == null) {
                        ackedAtById.put(record.key(), Instant.now());
                    }
                });
            }
            producer.flush();
        }
        ackedAtById.forEach((messageId, ackedAt) -> {
            if (ackedAt.isAfter(sendAtById.get(messageId).minus(MIN_NOTICE))) {
                sendAtById.remove(messageId);
            }
        });
        System.out.printf("left out, acknowledged by Kafka less than %d s before their instant: %d%n",
            MIN_NOTICE.toSeconds(), messages - sendAtById.size());
        System.out.printf("published %d MessageScheduled in %d ms; window %s .. +%d s%n", messages,
            Duration.between(publishStart, Instant.now()).toMillis(), windowStart, WINDOW.toSeconds());

        sleepUntil(windowStart);
        StackCpu cpu = StackCpu.start(stack);
        sleepUntil(windowStart.plus(WINDOW).plusSeconds(1));
        String cpuInWindow = cpu.report();
        String ladderWork = support.ladderWork().since(ladderAtPublish);
        Instant deadline = windowStart.plus(WINDOW).plus(COLLECT_TIMEOUT);
        Map<String, Long> acceptedAtById = new HashMap<>();
        int accepted = 0;
        int measuredEntries = 0;
        while (Instant.now().isBefore(deadline)) {
            Thread.sleep(Duration.ofSeconds(5));
            acceptedAtById.clear();
            accepted = 0;
            measuredEntries = 0;
            for (String sender : senders) {
                for (JsonNode entry : support.ledger(sender)) {
                    accepted++;
                    var measured = CallbackData.decode(entry.path("bizOpaqueCallbackData").asString(""))
                        .filter(data -> sendAtById.containsKey(data.messageId()));
                    measured.ifPresent(data -> acceptedAtById.merge(data.messageId(), entry.path("acceptedAt").asLong(),
                        Math::min));
                    measuredEntries += measured.isPresent() ? 1 : 0;
                }
            }
            if (accepted >= sentBefore + messages && Instant.now().isAfter(windowStart.plus(WINDOW))) {
                break;
            }
        }
        report(sendAtById.size(), sendAtById, acceptedAtById, measuredEntries);
        System.out.println("window and 1 s after it: " + cpuInWindow);
        System.out.println("ladder from publishing to 1 s after the window: " + ladderWork);
        ready.readNew(stack.layout().kafkaBootstrapServers());
        ready.print(sendAtById.keySet());
    }

    /**
     * A deployed dispatcher has run for days: its JIT has compiled the hot paths and its batches are sized. A fresh
     * stack spends its first tens of seconds compiling on the same two cores, so {@code warmUp} messages due now go
     * through the whole path (send, webhooks, projections) first, and the window is scheduled once they are all
     * at the sandbox. 0 measures the cold stack.
     */
    private static void warmUp(LadderBenchSupport support, List<String> senders, int warmUp) throws InterruptedException {
        if (warmUp == 0) {
            return;
        }
        Instant start = Instant.now();
        try (KafkaProducer<String, byte[]> producer = support.commandsProducer()) {
            for (int i = 0; i < warmUp; i++) {
                producer.send(support.scheduled("warm-up-" + i, senders.get(i % SENDERS), "+1651" + String.format("%07d", i),
                    start));
            }
            producer.flush();
        }
        Instant deadline = start.plus(COLLECT_TIMEOUT);
        long accepted = 0;
        while (accepted < warmUp && Instant.now().isBefore(deadline)) {
            Thread.sleep(Duration.ofSeconds(2));
            accepted = support.accepted(senders);
        }
        System.out.printf("warm-up: %,d messages due at once, %,d at the sandbox after %d s%n", warmUp, accepted,
            Duration.between(start, Instant.now()).toSeconds());
        Thread.sleep(Duration.ofSeconds(5)); // their webhooks and projections drain before the window is scheduled
    }

    private static void sleepUntil(Instant instant) throws InterruptedException {
        Duration left = Duration.between(Instant.now(), instant);
        if (left.isPositive()) {
            Thread.sleep(left);
        }
    }

    private static void report(int messages, Map<String, Instant> sendAtById, Map<String, Long> acceptedAtById,
                               int ledgerEntries) {
        Histogram lateness = Percentiles.millisecondHistogram();
        int early = 0;
        Set<String> missing = new HashSet<>(sendAtById.keySet());
        for (Map.Entry<String, Long> accepted : acceptedAtById.entrySet()) {
            Instant sendAt = sendAtById.get(accepted.getKey());
            if (sendAt == null) {
                continue;
            }
            missing.remove(accepted.getKey());
            long lateMillis = accepted.getValue() - sendAt.toEpochMilli();
            if (lateMillis < 0) {
                early++;
            } else {
                lateness.recordValue(Math.min(lateMillis, lateness.getHighestTrackableValue()));
            }
        }
        System.out.println(Percentiles.summary("lateness at the sandbox ledger (acceptedAt - sendAt)", lateness));
        System.out.printf("released early: %d; sent: %d of %d; missing: %d; duplicate sends: %d%n", early,
            acceptedAtById.size(), messages, missing.size(), ledgerEntries - acceptedAtById.size());
    }

    private static String dispatcherLateness(LadderBenchSupport support) {
        StringBuilder text = new StringBuilder();
        for (String stage : support.dispatcherTagValues("wa.dispatcher.release.lateness", "stage")) {
            double count = support.dispatcherMetric("wa.dispatcher.release.lateness?tag=stage:" + stage);
            if (count > 0) {
                double maxSeconds = support.dispatcherMetricStatistic("wa.dispatcher.release.lateness?tag=stage:" + stage, "MAX");
                double totalSeconds = support.dispatcherMetricStatistic("wa.dispatcher.release.lateness?tag=stage:" + stage,
                    "TOTAL_TIME");
                text.append(String.format("%s: %d released, mean %.1f ms, max %.1f ms; ", stage, (long) count,
                    totalSeconds * 1000 / count, maxSeconds * 1000));
            }
        }
        return text.toString();
    }
}
