package io.wascheduler.benchmarks.ladder;

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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

/** What the ladder benchmarks share: senders registered on both sides, commands straight to Kafka, the sandbox ledger. */
final class LadderBenchSupport {

    static final String TENANT = "ladder-bench";
    private static final String SENDER_PREFIX = "7770000000";
    private static final String ACCESS_TOKEN_PREFIX = "ladder-bench-token-";

    private final LocalStack stack;
    private final JsonHttp http = new JsonHttp();

    LadderBenchSupport(LocalStack stack) {
        this.stack = stack;
    }

    /** Registers {@code count} senders in the sandbox and in scheduler-api (which tells the dispatcher their rate). */
    List<String> registerSenders(int count, int throughputMps) {
        List<String> senders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String phoneNumberId = SENDER_PREFIX + String.format("%02d", i);
            String token = ACCESS_TOKEN_PREFIX + i;
            expectSuccess(http.post(sandbox("/sandbox/senders"), null, Map.of("phoneNumberId", phoneNumberId,
                "accessToken", token, "throughputMps", throughputMps)), "sandbox sender " + phoneNumberId);
            expectSuccess(http.post(api("/v1/senders"), stack.demo().apiKey(), Map.of("phoneNumberId", phoneNumberId,
                "displayPhoneNumber", "+1555000" + String.format("%04d", i), "accessToken", token,
                "throughputMps", throughputMps)), "scheduler-api sender " + phoneNumberId);
            senders.add(phoneNumberId);
        }
        return senders;
    }

    /** A producer of MessageScheduled straight onto the commands topic, as scheduler-api's outbox writes them. */
    KafkaProducer<String, byte[]> commandsProducer() {
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

    static ProducerRecord<String, byte[]> scheduled(String messageId, String sender, String to, Instant sendAt) {
        EventEnvelope envelope = EventEnvelope.of(TENANT, new MessageScheduled(messageId, 1, null, sender, to,
            new TextContent("Your appointment is confirmed", false), sendAt, 3, Map.of()), Clock.systemUTC());
        return new ProducerRecord<>(Topics.MESSAGE_COMMANDS.name(), envelope.key(), EventCodec.encode(envelope));
    }

    /** Every send the sandbox accepted from {@code sender}. */
    List<JsonNode> ledger(String sender) {
        JsonHttp.Response response = http.get(sandbox("/sandbox/messages?phoneNumberId=" + sender), null);
        expectSuccess(response, "sandbox ledger");
        List<JsonNode> entries = new ArrayList<>();
        response.body().forEach(entries::add);
        return entries;
    }

    /** A dispatcher metric's value (first measurement), e.g. {@code jvm.memory.used?tag=area:heap}. */
    double dispatcherMetric(String nameAndQuery) {
        JsonHttp.Response response = http.get(stack.layout().httpBase(stack.layout().ports().dispatcher())
            .resolve("/actuator/metrics/" + nameAndQuery), null);
        expectSuccess(response, "metric " + nameAndQuery);
        return response.body().path("measurements").path(0).path("value").asDouble();
    }

    /** One statistic (COUNT, TOTAL_TIME, MAX, VALUE...) of a dispatcher metric. */
    double dispatcherMetricStatistic(String nameAndQuery, String statistic) {
        JsonHttp.Response response = http.get(stack.layout().httpBase(stack.layout().ports().dispatcher())
            .resolve("/actuator/metrics/" + nameAndQuery), null);
        expectSuccess(response, "metric " + nameAndQuery);
        for (JsonNode measurement : response.body().path("measurements")) {
            if (statistic.equals(measurement.path("statistic").asString(""))) {
                return measurement.path("value").asDouble();
            }
        }
        return Double.NaN;
    }

    /** The dispatcher's available tag values of a metric, e.g. the stages of wa.dispatcher.tier.held. */
    List<String> dispatcherTagValues(String metric, String tag) {
        JsonHttp.Response response = http.get(stack.layout().httpBase(stack.layout().ports().dispatcher())
            .resolve("/actuator/metrics/" + metric), null);
        expectSuccess(response, "metric " + metric);
        List<String> values = new ArrayList<>();
        for (JsonNode available : response.body().path("availableTags")) {
            if (tag.equals(available.path("tag").asString(""))) {
                available.path("values").forEach(value -> values.add(value.asString("")));
            }
        }
        return values;
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
