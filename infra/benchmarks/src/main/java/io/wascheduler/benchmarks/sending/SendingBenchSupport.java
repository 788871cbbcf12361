package io.wascheduler.benchmarks.sending;

import io.wascheduler.localstack.LocalStack;
import io.wascheduler.localstack.demo.JsonHttp;
import io.wascheduler.model.content.TextContent;
import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.MessageScheduled;
import io.wascheduler.model.topic.Topics;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

/**
 * What the sending benchmarks share: senders registered in the sandbox and in scheduler-api (which tells the
 * dispatcher their rate), MessageScheduled written straight to the commands topic (as scheduler-api's outbox
 * writes them, so the API is not part of the measurement), the sandbox's ledger and stats, dispatcher metrics.
 */
final class SendingBenchSupport {

    static final String TENANT = "sending-bench";
    private static final String ACCESS_TOKEN_PREFIX = "sending-bench-token-";

    private final LocalStack stack;
    private final JsonHttp http = new JsonHttp();

    SendingBenchSupport(LocalStack stack) {
        this.stack = stack;
    }

    /** Registers {@code count} senders with {@code throughputMps} on both sides. */
    List<String> registerSenders(String prefix, int count, int throughputMps) {
        List<String> senders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String phoneNumberId = prefix + String.format("%02d", i);
            String token = ACCESS_TOKEN_PREFIX + phoneNumberId;
            expectSuccess(http.post(sandbox("/sandbox/senders"), null, Map.of("phoneNumberId", phoneNumberId,
                "accessToken", token, "throughputMps", throughputMps)), "sandbox sender " + phoneNumberId);
            expectSuccess(http.post(api("/v1/senders"), stack.demo().apiKey(), Map.of("phoneNumberId", phoneNumberId,
                "displayPhoneNumber", "+1555" + phoneNumberId.substring(phoneNumberId.length() - 7), "accessToken", token,
                "throughputMps", throughputMps)), "scheduler-api sender " + phoneNumberId);
            senders.add(phoneNumberId);
        }
        return senders;
    }

    /** Publishes {@code perSender} messages due now for each sender, interleaved, each to its own recipient. */
    void publishDueNow(List<String> senders, int perSender) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.layout().kafkaBootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long recipient = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties)) {
            for (int i = 0; i < perSender; i++) {
                for (String sender : senders) {
                    String to = "+447" + String.format("%09d", recipient++);
                    EventEnvelope envelope = EventEnvelope.of(TENANT, new MessageScheduled(UUID.randomUUID().toString(),
                        1, null, sender, to, new TextContent("Your order has shipped", false), Instant.now(), 3,
                        Map.of()), Clock.systemUTC());
                    producer.send(new ProducerRecord<>(Topics.MESSAGE_COMMANDS.name(), envelope.key(),
                        EventCodec.encode(envelope)));
                }
            }
            producer.flush();
        }
    }

    /** Every send the sandbox accepted from {@code sender}, oldest first. */
    List<JsonNode> ledger(String sender) {
        JsonHttp.Response response = http.get(sandbox("/sandbox/messages?phoneNumberId=" + sender), null);
        expectSuccess(response, "sandbox ledger");
        List<JsonNode> entries = new ArrayList<>();
        response.body().forEach(entries::add);
        return entries;
    }

    /** The sandbox's answer counts per number: {@code {"<id>": {"accepted": n, "errors": {"<code>": n}}}}. */
    JsonNode sandboxStats() {
        JsonHttp.Response response = http.get(sandbox("/sandbox/stats"), null);
        expectSuccess(response, "sandbox stats");
        return response.body();
    }

    void sandboxConfig(Map<String, Object> switches) {
        expectSuccess(http.send("PUT", sandbox("/sandbox/config"), null, switches), "sandbox config");
    }

    /** A dispatcher metric's first measurement, e.g. {@code wa.dispatcher.send.in-flight.peak}. */
    double dispatcherMetric(String nameAndQuery) {
        JsonHttp.Response response = http.get(stack.layout().httpBase(stack.layout().ports().dispatcher())
            .resolve("/actuator/metrics/" + nameAndQuery), null);
        expectSuccess(response, "metric " + nameAndQuery);
        return response.body().path("measurements").path(0).path("value").asDouble();
    }

    /** Where messages wait in the dispatcher now: in the release timers, in sender lanes, in flight to the Cloud API. */
    String dispatcherLoad() {
        return String.format("release timers %.0f, lanes %.0f, in flight %.0f",
            dispatcherMetric("wa.dispatcher.release.waiting"), dispatcherMetric("wa.dispatcher.send.queued"),
            dispatcherMetric("wa.dispatcher.send.in-flight"));
    }

    /** The CPU time used so far by the stack's service listening on {@code port} (found by its command line). */
    static Duration cpuOfServiceOnPort(int port) {
        String portArgument = "--server.port=" + port;
        return ProcessHandle.allProcesses()
            .filter(process -> process.info().commandLine().map(line -> line.contains(portArgument)).orElse(false))
            .findFirst()
            .flatMap(process -> process.info().totalCpuDuration())
            .orElse(Duration.ZERO);
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
