package io.wascheduler.benchmarks.webhook;

import io.wascheduler.benchmarks.MachineInfo;
import io.wascheduler.benchmarks.Percentiles;
import io.wascheduler.model.event.CallbackData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * {@code ./dev bench webhook-ingest [--seconds=30] [--warmup-seconds=10] [--concurrency=32]}: a KRaft broker and
 * webhook-ingest on loopback; a load generator posts signed status batches in Meta's shape (10 to 50 statuses
 * each) with bounded concurrency for a bounded time, and prints acknowledged statuses per second and the
 * acknowledgement latency (request sent to 200 received). Target: 20,000 statuses/s, p99 50 ms.
 */
public final class WebhookIngestBenchmark {

    private static final String PHONE_NUMBER_ID = "100200300400500";
    private static final int DISTINCT_BODIES = 400;
    private static final int MIN_STATUSES_PER_POST = 10;
    private static final int MAX_STATUSES_PER_POST = 50;
    private static final List<String> STATUS_WORDS = List.of("sent", "delivered", "read");

    private WebhookIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = Options.integers(args, Map.of("seconds", 30, "warmup-seconds", 10, "concurrency", 32));
        String appSecret = UUID.randomUUID().toString();
        SignedWebhooks webhooks = new SignedWebhooks(appSecret);
        List<SignedBatch> bodies = bodies(webhooks, new Random(42));
        try (IngestStack stack = IngestStack.start(appSecret, UUID.randomUUID().toString())) {
            URI endpoint = stack.baseUrl().resolve("/webhooks/whatsapp");
            System.out.printf("Warming up for %d s with %d concurrent posters%n", options.get("warmup-seconds"),
                options.get("concurrency"));
            run(endpoint, bodies, options.get("concurrency"), Duration.ofSeconds(options.get("warmup-seconds")));
            System.out.printf("Measuring for %d s%n", options.get("seconds"));
            IngestStack.CpuTimes before = stack.cpuTimes();
            Result result = run(endpoint, bodies, options.get("concurrency"), Duration.ofSeconds(options.get("seconds")));
            IngestStack.CpuTimes used = stack.cpuTimes().since(before);
            System.out.println();
            System.out.printf("webhook-ingest: %d POSTs acknowledged (%d statuses) in %.1f s, %d refused or failed%n",
                result.posts(), result.statuses(), result.seconds(), result.failures());
            System.out.printf("throughput: %.0f statuses/s (%.0f POSTs/s; target 20000 statuses/s)%n",
                result.statuses() / result.seconds(), result.posts() / result.seconds());
            System.out.println(Percentiles.summary("acknowledgement latency (target p99 50 ms)", result.latency()));
            System.out.printf("CPU used while measuring: webhook-ingest %.1f s, Kafka %.1f s, load generator %.1f s"
                    + " (wall %.1f s on %d cores)%n", seconds(used.ingest()), seconds(used.kafka()), seconds(used.generator()),
                result.seconds(), Runtime.getRuntime().availableProcessors());
            System.out.printf("webhook-ingest CPU per status: %.1f µs, i.e. %.0f statuses/s per fully available core%n",
                1e6 * seconds(used.ingest()) / result.statuses(), result.statuses() / seconds(used.ingest()));
            System.out.println(MachineInfo.describe());
        }
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    record SignedBatch(SignedWebhooks.Signed signed, int statuses) {
    }

    private record Result(long posts, long statuses, long failures, double seconds, Histogram latency) {
    }

    /** Pre-built and pre-signed, so that the generator spends its share of the two cores on sending. */
    private static List<SignedBatch> bodies(SignedWebhooks webhooks, Random random) {
        long now = Instant.now().getEpochSecond();
        List<SignedBatch> bodies = new ArrayList<>();
        for (int b = 0; b < DISTINCT_BODIES; b++) {
            int count = MIN_STATUSES_PER_POST + random.nextInt(MAX_STATUSES_PER_POST - MIN_STATUSES_PER_POST + 1);
            List<SignedWebhooks.Status> statuses = IntStream.range(0, count).mapToObj(i -> {
                String messageId = "bench-msg-" + random.nextInt(1_000_000);
                return new SignedWebhooks.Status(new CallbackData(messageId, 1, "bench-cmp-" + random.nextInt(20)),
                    "wamid.bench" + messageId, STATUS_WORDS.get(random.nextInt(STATUS_WORDS.size())),
                    "1415" + (5_000_000 + random.nextInt(1_000_000)));
            }).toList();
            bodies.add(new SignedBatch(webhooks.statuses(PHONE_NUMBER_ID, statuses, now), count));
        }
        return bodies;
    }

    private static Result run(URI endpoint, List<SignedBatch> bodies, int concurrency, Duration duration)
        throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Recorder latencies = new Recorder(3);
        LongAdder posts = new LongAdder();
        LongAdder statuses = new LongAdder();
        LongAdder failures = new LongAdder();
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        try (ExecutorService posters = Executors.newFixedThreadPool(concurrency)) {
            for (int i = 0; i < concurrency; i++) {
                posters.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        SignedBatch batch = bodies.get((int) (next.getAndIncrement() % bodies.size()));
                        HttpRequest request = HttpRequest.newBuilder(endpoint)
                            .header("Content-Type", "application/json")
                            .header(SignedWebhooks.SIGNATURE_HEADER, batch.signed().signature())
                            .POST(HttpRequest.BodyPublishers.ofByteArray(batch.signed().body())).build();
                        long sent = System.nanoTime();
                        try {
                            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                            // Rounded up to whole milliseconds, so a figure is never flattered.
                            latencies.recordValue(Math.ceilDiv(System.nanoTime() - sent, 1_000_000L));
                            if (status == 200) {
                                posts.increment();
                                statuses.add(batch.statuses());
                            } else {
                                failures.increment();
                            }
                        } catch (Exception e) {
                            failures.increment();
                        }
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Histogram latency = Percentiles.millisecondHistogram();
        latency.add(latencies.getIntervalHistogram());
        http.close();
        return new Result(posts.sum(), statuses.sum(), failures.sum(), seconds, latency);
    }
}
