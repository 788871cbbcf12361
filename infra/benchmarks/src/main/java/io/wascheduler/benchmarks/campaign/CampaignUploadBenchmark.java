package io.wascheduler.benchmarks.campaign;

import io.wascheduler.benchmarks.BenchmarkStack;
import io.wascheduler.benchmarks.MachineInfo;
import io.wascheduler.benchmarks.StackCpu;
import io.wascheduler.localstack.LocalStack;
import io.wascheduler.localstack.demo.JsonHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * {@code ./dev bench campaign-upload [recipients] [calls]}: creates a DRAFT campaign, streams its recipients
 * as NDJSON (generated on the fly) in {@code calls} uploads, launches it and waits until every
 * MessageScheduled is on Kafka. The campaign is due days ahead, so nothing is actually sent during the run.
 */
public final class CampaignUploadBenchmark {

    private static final long DEFAULT_RECIPIENTS = 1_000_000;
    private static final int DEFAULT_CALLS = 4;
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration KAFKA_DEADLINE = Duration.ofMinutes(20);
    private static final int SEND_DAYS_AHEAD = 3;

    private CampaignUploadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long recipients = args.length > 0 ? Long.parseLong(args[0]) : DEFAULT_RECIPIENTS;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_CALLS;
        try (LocalStack stack = BenchmarkStack.start("campaign-upload", Map.of())) {
            URI api = stack.layout().httpBase(stack.layout().ports().schedulerApi());
            String apiKey = stack.demo().apiKey();
            String campaignId = createDraft(api, apiKey, stack.demo().sender());
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            try (HeapSampler heap = new HeapSampler(api); TopicCounter topic = new TopicCounter(stack.layout().kafkaBootstrapServers())) {
                StackCpu uploadCpu = StackCpu.start(stack);
                long start = System.nanoTime();
                long accepted = 0;
                for (int call = 0; call < calls; call++) {
                    accepted += upload(http, api, apiKey, campaignId, recipients * call / calls, recipients * (call + 1) / calls);
                }
                long uploaded = System.nanoTime();
                String uploadCpuUsed = uploadCpu.report();
                System.out.printf("uploaded %,d rows in %.1f s; launching%n", accepted, (uploaded - start) / 1e9);
                StackCpu launchCpu = StackCpu.start(stack);
                launch(http, api, apiKey, campaignId);
                long launched = System.nanoTime();
                System.out.printf("launched in %.1f s; counting MessageScheduled on Kafka%n", (launched - uploaded) / 1e9);
                long onKafka = topic.awaitAtLeast(recipients, System.nanoTime() + KAFKA_DEADLINE.toNanos());
                long published = System.nanoTime();
                report(recipients, calls, accepted, onKafka, start, uploaded, launched, published, heap.peakBytes());
                // every process of the stack shares the two cores: the dispatcher and the status-projector take in
                // the launch's events while it goes on
                System.out.println("  upload, " + uploadCpuUsed);
                System.out.println("  launch until the last event is on Kafka, " + launchCpu.report());
            }
        }
    }

    private static String createDraft(URI api, String apiKey, String sender) {
        JsonHttp.Response created = new JsonHttp().post(api.resolve("/v1/campaigns"), apiKey, Map.of(
            "name", "campaign-upload benchmark", "from", sender,
            "content", Map.of("type", "text", "text", "Hello {{name}}"),
            "sendAt", Instant.now().plus(SEND_DAYS_AHEAD, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()));
        require(created.status() == 201 && "DRAFT".equals(created.body().path("status").asString()), "create draft", created.text());
        return created.body().path("id").asString();
    }

    /** One atomic upload of rows [from, to); returns the rows the API accepted. */
    private static long upload(HttpClient http, URI api, String apiKey, String campaignId, long from, long to) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(api.resolve("/v1/campaigns/" + campaignId + "/recipients"))
            .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + apiKey)
            .header("Content-Type", "application/x-ndjson").header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new RecipientStream(from, to))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        require(response.statusCode() == 200, "upload rows " + from + ".." + to, response.body());
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body()).path("accepted").asLong();
    }

    /** The launch answers once every message and its event are committed, which for a big campaign takes a while. */
    private static void launch(HttpClient http, URI api, String apiKey, String campaignId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(api.resolve("/v1/campaigns/" + campaignId + "/launch"))
            .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + apiKey).header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        require(response.statusCode() == 200, "launch", response.body());
    }

    private static void report(long recipients, int calls, long accepted, long onKafka, long start, long uploaded,
                               long launched, long published, long heapPeakBytes) {
        double uploadSeconds = (uploaded - start) / 1e9;
        double launchSeconds = (launched - uploaded) / 1e9;
        double kafkaSeconds = (published - launched) / 1e9;
        double totalSeconds = (published - start) / 1e9;
        for (String line : List.of(
            "campaign-upload: %,d recipients as NDJSON in %d call(s), %,d accepted".formatted(recipients, calls, accepted),
            "  upload:  %.1f s, %,.0f rows/s accepted".formatted(uploadSeconds, accepted / uploadSeconds),
            "  launch:  %.1f s (DRAFT -> SCHEDULED, messages and outbox rows committed)".formatted(launchSeconds),
            "  kafka:   %.1f s after launch until %,d of %,d MessageScheduled were on %s".formatted(kafkaSeconds, onKafka,
                recipients, io.wascheduler.model.topic.Topics.MESSAGE_COMMANDS.name()),
            "  end to end: %.1f s, %,.0f rows/s (target >= 50,000)".formatted(totalSeconds, onKafka / totalSeconds),
            "  scheduler-api heap peak: %,d MB (jvm.memory.used area=heap, sampled every 250 ms)".formatted(heapPeakBytes >> 20),
            MachineInfo.describe())) {
            System.out.println(line);
        }
    }

    private static void require(boolean condition, String step, String body) {
        if (!condition) {
            throw new IllegalStateException(step + " failed: " + body);
        }
    }
}
