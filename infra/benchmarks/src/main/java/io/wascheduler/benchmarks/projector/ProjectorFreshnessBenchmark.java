package io.wascheduler.benchmarks.projector;

import io.wascheduler.benchmarks.BenchmarkStack;
import io.wascheduler.benchmarks.MachineInfo;
import io.wascheduler.benchmarks.Percentiles;
import io.wascheduler.benchmarks.webhook.Options;
import io.wascheduler.benchmarks.webhook.SignedWebhooks;
import io.wascheduler.localstack.LocalStack;
import io.wascheduler.model.event.CallbackData;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.EventSerde;
import io.wascheduler.model.event.MessageDispatched;
import io.wascheduler.model.topic.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./dev bench projector-freshness [--samples=300] [--warmup=30]}: on a whole fresh stack, a synthetic
 * campaign's messages are dispatched (MessageDispatched published straight to Kafka, so the projector knows
 * them as sent); then, one at a time, a signed "delivered" webhook is posted for one of them and the time from
 * webhook-ingest's 200 to the projector's query API showing the higher {@code delivered} count is measured by
 * polling {@code GET /internal/v1/campaigns/{id}/progress}. Target: p99 1 s.
 */
public final class ProjectorFreshnessBenchmark {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(5);
    private static final Duration SAMPLE_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final LocalStack stack;
    private final String campaignId = "bench-fresh-" + UUID.randomUUID();

    private ProjectorFreshnessBenchmark(LocalStack stack) {
        this.stack = stack;
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = Options.integers(args, Map.of("samples", 300, "warmup", 30));
        int warmup = options.get("warmup");
        int messages = warmup + options.get("samples");
        try (LocalStack stack = BenchmarkStack.start("projector-freshness", Map.of())) {
            ProjectorFreshnessBenchmark benchmark = new ProjectorFreshnessBenchmark(stack);
            benchmark.dispatch(messages);
            SignedWebhooks webhooks = new SignedWebhooks(stack.demo().appSecret());
            Histogram freshness = Percentiles.millisecondHistogram();
            for (int i = 0; i < messages; i++) {
                long millis = benchmark.deliveredVisibleAfter(webhooks, i);
                if (i >= warmup) {
                    freshness.recordValue(millis);
                }
            }
            System.out.println();
            System.out.printf("%d samples after %d warm-up ones, one delivered status per webhook, polled every %d ms%n",
                freshness.getTotalCount(), warmup, POLL_INTERVAL.toMillis());
            System.out.println(Percentiles.summary("webhook 200 -> counter visible in the query API (target p99 1000 ms)",
                freshness));
            System.out.println(MachineInfo.describe());
        }
    }

    /** Publishes a MessageDispatched per message, as the dispatcher would, and waits for the projector to count them. */
    private void dispatch(int messages) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.layout().kafkaBootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, EventEnvelope> producer =
                 new KafkaProducer<>(config, new StringSerializer(), new EventSerde().serializer())) {
            for (int i = 0; i < messages; i++) {
                EventEnvelope dispatched = EventEnvelope.of(null, new MessageDispatched(messageId(i), 1, campaignId,
                    stack.demo().sender(), recipient(i), wamid(i), 1, Instant.now()), Clock.systemUTC());
                producer.send(new ProducerRecord<>(Topics.MESSAGE_OUTCOMES.name(), dispatched.key(), dispatched));
            }
            producer.flush();
        }
        long deadline = System.nanoTime() + SETUP_TIMEOUT.toNanos();
        while (counter("sent") < messages) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The projector did not count " + messages + " dispatched messages");
            }
            Thread.sleep(100);
        }
        System.out.printf("The projector counts %d dispatched messages of campaign %s%n", messages, campaignId);
    }

    private long deliveredVisibleAfter(SignedWebhooks webhooks, int index) throws Exception {
        SignedWebhooks.Signed signed = webhooks.statuses(stack.demo().sender(), List.of(new SignedWebhooks.Status(
            new CallbackData(messageId(index), 1, campaignId), wamid(index), "delivered", recipient(index).substring(1))),
            Instant.now().getEpochSecond());
        HttpRequest post = HttpRequest.newBuilder(service(stack.layout().ports().webhookIngest(), "/webhooks/whatsapp"))
            .header("Content-Type", "application/json").header(SignedWebhooks.SIGNATURE_HEADER, signed.signature())
            .POST(HttpRequest.BodyPublishers.ofByteArray(signed.body())).build();
        int status = http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
        long acknowledged = System.nanoTime();
        if (status != 200) {
            throw new IllegalStateException("webhook-ingest answered " + status);
        }
        while (counter("delivered") <= index) {
            if (System.nanoTime() - acknowledged > SAMPLE_TIMEOUT.toNanos()) {
                throw new IllegalStateException("Delivered count did not reach " + (index + 1) + " within " + SAMPLE_TIMEOUT);
            }
            Thread.sleep(POLL_INTERVAL);
        }
        return Math.ceilDiv(System.nanoTime() - acknowledged, 1_000_000L);
    }

    /** One counter of the campaign's progress; 0 while the projector has not heard of the campaign. */
    private long counter(String name) throws Exception {
        HttpRequest get = HttpRequest.newBuilder(service(stack.layout().ports().statusProjector(),
            "/internal/v1/campaigns/" + campaignId + "/progress")).header("Accept", "application/json").GET().build();
        HttpResponse<String> response = http.send(get, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return 0;
        }
        JsonNode progress = JSON.readTree(response.body());
        return progress.path(name).asLong();
    }

    private URI service(int port, String path) {
        return stack.layout().httpBase(port).resolve(path);
    }

    private String messageId(int index) {
        return campaignId + "-m" + index;
    }

    private static String wamid(int index) {
        return "wamid.benchfresh" + index;
    }

    private static String recipient(int index) {
        return "+1415" + (7_000_000 + index);
    }
}
