package io.wascheduler.benchmarks;

import io.wascheduler.localstack.LocalStack;
import io.wascheduler.localstack.demo.JsonHttp;
import io.wascheduler.model.content.TextContent;
import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.MessageScheduled;
import io.wascheduler.model.topic.Topics;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

/**
 * What benchmarks that drive a whole stack share: senders registered in the sandbox and in scheduler-api
 * (which tells the dispatcher their rate), MessageScheduled written straight to the commands topic as
 * scheduler-api's outbox writes them (so the API is not part of the measurement), the sandbox's ledger,
 * stats and switches, and the dispatcher's metrics.
 */
public class StackClient {

    private static final int HTTP_NOT_FOUND = 404;

    private final LocalStack stack;
    private final String tenant;
    private final JsonHttp http = new JsonHttp();

    protected StackClient(LocalStack stack, String tenant) {
        this.stack = stack;
        this.tenant = tenant;
    }

    /** Registers {@code count} senders {@code prefix00, prefix01, ...} with {@code throughputMps} on both sides. */
    public List<String> registerSenders(String prefix, int count, int throughputMps) {
        List<String> senders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String phoneNumberId = prefix + String.format("%02d", i);
            String token = tenant + "-token-" + phoneNumberId;
            expectSuccess(http.post(sandbox("/sandbox/senders"), null, Map.of("phoneNumberId", phoneNumberId,
                "accessToken", token, "throughputMps", throughputMps)), "sandbox sender " + phoneNumberId);
            expectSuccess(http.post(api("/v1/senders"), stack.demo().apiKey(), Map.of("phoneNumberId", phoneNumberId,
                "displayPhoneNumber", "+1555" + phoneNumberId.substring(phoneNumberId.length() - 7), "accessToken", token,
                "throughputMps", throughputMps)), "scheduler-api sender " + phoneNumberId);
            senders.add(phoneNumberId);
        }
        return senders;
    }

    /** A producer for the commands topic, batching and compressing since benchmarks publish in bulk. */
    public KafkaProducer<String, byte[]> commandsProducer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.layout().kafkaBootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(properties);
    }

    /** A text MessageScheduled (version 1, 3 attempts) ready for {@link #commandsProducer()}. */
    public ProducerRecord<String, byte[]> scheduled(String messageId, String sender, String to, String text,
                                                    Instant sendAt) {
        EventEnvelope envelope = EventEnvelope.of(tenant, new MessageScheduled(messageId, 1, null, sender, to,
            new TextContent(text, false), sendAt, 3, Map.of()), Clock.systemUTC());
        return new ProducerRecord<>(Topics.MESSAGE_COMMANDS.name(), envelope.key(), EventCodec.encode(envelope));
    }

    /** Every send the sandbox accepted from {@code sender}, oldest first. */
    public List<JsonNode> ledger(String sender) {
        JsonHttp.Response response = http.get(sandbox("/sandbox/messages?phoneNumberId=" + sender), null);
        expectSuccess(response, "sandbox ledger");
        List<JsonNode> entries = new ArrayList<>();
        response.body().forEach(entries::add);
        return entries;
    }

    /** The sandbox's answer counts per number: {@code {"<id>": {"accepted": n, "errors": {"<code>": n}}}}. */
    public JsonNode sandboxStats() {
        JsonHttp.Response response = http.get(sandbox("/sandbox/stats"), null);
        expectSuccess(response, "sandbox stats");
        return response.body();
    }

    /** Sends the sandbox accepted from {@code senders}, all together. */
    public long accepted(List<String> senders) {
        JsonNode stats = sandboxStats();
        return senders.stream().mapToLong(sender -> stats.path(sender).path("accepted").asLong(0)).sum();
    }

    public void sandboxConfig(Map<String, Object> switches) {
        expectSuccess(http.send("PUT", sandbox("/sandbox/config"), null, switches), "sandbox config");
    }

    /** A dispatcher metric's first measurement, e.g. {@code jvm.memory.used?tag=area:heap}. */
    public double dispatcherMetric(String nameAndQuery) {
        return dispatcherMetricBody(nameAndQuery).path("measurements").path(0).path("value").asDouble();
    }

    /** One statistic (COUNT, TOTAL_TIME, MAX, VALUE...) of a dispatcher metric; NaN when it has none. */
    public double dispatcherMetricStatistic(String nameAndQuery, String statistic) {
        for (JsonNode measurement : dispatcherMetricBody(nameAndQuery).path("measurements")) {
            if (statistic.equals(measurement.path("statistic").asString(""))) {
                return measurement.path("value").asDouble();
            }
        }
        return Double.NaN;
    }

    /**
     * The send side's steps as the dispatcher timed them over its last minutes: from a release to its read, from
     * read to the request's start, and the request itself, each as p50 / p99 / max in milliseconds.
     */
    public String dispatcherSendSteps() {
        StringBuilder text = new StringBuilder();
        for (String step : List.of("read", "queued", "request")) {
            String timer = "wa.dispatcher.send.step?tag=step:" + step;
            text.append(String.format("%s p50 %.0f ms, p99 %.0f ms, max %.0f ms; ", step,
                dispatcherMetric("wa.dispatcher.send.step.percentile?tag=step:" + step + "&tag=phi:0.5") * 1000,
                dispatcherMetric("wa.dispatcher.send.step.percentile?tag=step:" + step + "&tag=phi:0.99") * 1000,
                dispatcherMetricStatistic(timer, "MAX") * 1000));
        }
        for (String reason : dispatcherTagValues("wa.dispatcher.send.sent-back", "reason")) {
            text.append(String.format("sent back to the ladder (%s) %,.0f; ", reason,
                dispatcherMetric("wa.dispatcher.send.sent-back?tag=reason:" + reason)));
        }
        return text.toString();
    }

    /** The ladder's work so far, summed over its stages: see {@link LadderWork}. */
    public LadderWork ladderWork() {
        return new LadderWork(
            dispatcherMetricStatistic("wa.dispatcher.release.tier-reads", "COUNT"),
            dispatcherMetricStatistic("wa.dispatcher.release.tier-reads", "TOTAL"),
            dispatcherMetricStatistic("wa.dispatcher.release.paced", "COUNT"),
            dispatcherMetricStatistic("wa.dispatcher.tier.fetched", "COUNT"),
            dispatcherTagValues("wa.dispatcher.send.sent-back", "reason").isEmpty() ? 0
                : dispatcherMetricStatistic("wa.dispatcher.send.sent-back", "COUNT"),
            tierOffsets());
    }

    /** The end offsets of every delay tier's partitions, summed: what the ladder has written to its tiers. */
    private long tierOffsets() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.layout().kafkaBootstrapServers());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.listTopics().values().stream().flatMap(List::stream)
                .filter(info -> info.topic().startsWith(Topics.DELAY_TIER_PREFIX))
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * What the ladder did: records released to the send side, tier reads of those records since they entered the
     * ladder (each one a record written to a tier and read back), due records held back for their sender's turn,
     * records the stages fetched from the commands topic and the tiers (a record fetched again after a hold counts
     * again), and released records the send side sent back (each another trip through the ladder).
     */
    public record LadderWork(double releases, double tierReads, double paced, double fetched, double sentBack,
                             long tierOffsets) {

        public String since(LadderWork start) {
            double released = releases - start.releases;
            return String.format("%,.0f releases, %,.0f tier reads (%.1f per release; a tier batch's read counts for"
                    + " each record in it), %,.0f paced, %,.0f sent back, %,d offsets written to the delay tiers"
                    + " (Kafka records, a batch one, and transaction markers), %,.0f records fetched by the stages"
                    + " (a record fetched again after a hold counts again)",
                released, tierReads - start.tierReads, released == 0 ? 0 : (tierReads - start.tierReads) / released,
                paced - start.paced, sentBack - start.sentBack, tierOffsets - start.tierOffsets, fetched - start.fetched);
        }
    }

    /** The values a dispatcher metric's tag takes, e.g. the stages of wa.dispatcher.tier.held; none before it is first counted. */
    public List<String> dispatcherTagValues(String metric, String tag) {
        JsonHttp.Response response = dispatcherMetricResponse(metric);
        if (response.status() == HTTP_NOT_FOUND) {
            return List.of();
        }
        expectSuccess(response, "metric " + metric);
        List<String> values = new ArrayList<>();
        for (JsonNode available : response.body().path("availableTags")) {
            if (tag.equals(available.path("tag").asString(""))) {
                available.path("values").forEach(value -> values.add(value.asString("")));
            }
        }
        return values;
    }

    private JsonNode dispatcherMetricBody(String nameAndQuery) {
        JsonHttp.Response response = dispatcherMetricResponse(nameAndQuery);
        expectSuccess(response, "metric " + nameAndQuery);
        return response.body();
    }

    private JsonHttp.Response dispatcherMetricResponse(String nameAndQuery) {
        return http.get(stack.layout().httpBase(stack.layout().ports().dispatcher())
            .resolve("/actuator/metrics/" + nameAndQuery), null);
    }

    private URI sandbox(String path) {
        return stack.layout().httpBase(stack.layout().ports().metaSandbox()).resolve(path);
    }

    private URI api(String path) {
        return stack.layout().httpBase(stack.layout().ports().schedulerApi()).resolve(path);
    }

    private static void expectSuccess(JsonHttp.Response response, String what) {
        if (!response.isSuccess()) {
            throw new IllegalStateException(what + ": HTTP " + response.status() + " " + response.text());
        }
    }
}
