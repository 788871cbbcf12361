package io.wascheduler.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.wascheduler.sandbox.WebhookReceiver.Delivery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

import static io.wascheduler.sandbox.SandboxClient.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Status webhooks as a receiver sees them: signed, in Meta's shape, with Meta's disorders when switched on. */
class StatusWebhooksTest {

    private static final String APP_SECRET = "app-secret-for-tests";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static WebhookReceiver receiver;
    private static MetaSandbox sandbox;
    private static SandboxClient client;

    @BeforeAll
    static void start() {
        receiver = WebhookReceiver.start();
        sandbox = MetaSandbox.start(Map.of("sandbox.webhook-url", receiver.url(), "sandbox.app-secret", APP_SECRET,
                "sandbox.delivery.initial-backoff", "50ms"));
        client = new SandboxClient(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        receiver.close();
    }

    @AfterEach
    void backToDefaults() {
        switches(Map.of("duplicateProbability", 0, "reorderProbability", 0, "batchSize", 1, "batchLingerMs", 20,
                "deliveredDelayMs", 100, "readDelayMs", 150));
    }

    private static void switches(Map<String, Object> change) {
        client.http.put().uri("/sandbox/config").contentType(MediaType.APPLICATION_JSON).bodyValue(change).exchange()
                .expectStatus().isOk();
    }

    private static List<String> statusNames(String wamid) {
        return receiver.statusesOf(wamid).stream().map(s -> s.path("status").stringValue()).toList();
    }

    @Test
    void anAcceptedMessageIsReportedSentDeliveredAndReadInMetasShape() {
        String number = client.newSender(null);
        String wamid = client.sendAccepted(number, text("+31612345678", "m-1|1|c-1"));

        await().atMost(PATIENCE).until(() -> statusNames(wamid).size() == 3);
        assertThat(statusNames(wamid)).containsExactly("sent", "delivered", "read");
        Delivery first = receiver.deliveries().stream()
                .filter(d -> WebhookReceiver.statuses(d).stream().anyMatch(s -> s.path("id").stringValue().equals(wamid)))
                .findFirst().orElseThrow();
        JsonNode body = JsonMapper.builder().build().readTree(first.body());
        assertThat(body.path("object").stringValue()).isEqualTo("whatsapp_business_account");
        assertThat(body.path("entry").path(0).path("id").stringValue()).isEqualTo("7770" + number);
        JsonNode value = body.path("entry").path(0).path("changes").path(0).path("value");
        assertThat(body.path("entry").path(0).path("changes").path(0).path("field").stringValue()).isEqualTo("messages");
        assertThat(value.path("metadata").path("phone_number_id").stringValue()).isEqualTo(number);
        JsonNode sent = receiver.statusesOf(wamid).getFirst();
        assertThat(sent.path("recipient_id").stringValue()).isEqualTo("31612345678");
        assertThat(sent.path("biz_opaque_callback_data").stringValue()).isEqualTo("m-1|1|c-1");
        assertThat(sent.path("timestamp").stringValue()).matches("\\d{10}");
        assertThat(sent.path("conversation").path("id").isMissingNode()).isFalse();
        assertThat(sent.path("pricing").path("category").stringValue()).isEqualTo("service");
    }

    @Test
    void everyPostIsSignedWithTheAppSecretOverTheRawBody() throws Exception {
        String number = client.newSender(null);
        String wamid = client.sendAccepted(number, text("+31612345678", "signed"));
        await().atMost(PATIENCE).until(() -> statusNames(wamid).contains("read"));

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(receiver.deliveries()).isNotEmpty().allSatisfy(delivery -> {
            assertThat(delivery.contentType()).startsWith("application/json");
            assertThat(delivery.signature())
                    .isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(delivery.body())));
        });
    }

    @Test
    void withDuplicatesOnEveryStatusArrivesTwice() {
        switches(Map.of("duplicateProbability", 1));
        String number = client.newSender(null);
        String wamid = client.sendAccepted(number, text("+31612345678", "twice"));

        await().atMost(PATIENCE).until(() -> statusNames(wamid).size() == 6);
        assertThat(statusNames(wamid)).containsExactlyInAnyOrder("sent", "sent", "delivered", "delivered", "read",
                "read");
    }

    @Test
    void withReorderingTheLaterStatusIsPostedFirst() {
        switches(Map.of("reorderProbability", 1, "deliveredDelayMs", 400, "readDelayMs", 400));
        String number = client.newSender(null);
        String wamid = client.sendAccepted(number, text("+31612345678", "reversed"));

        await().atMost(PATIENCE).until(() -> statusNames(wamid).size() == 3);
        assertThat(statusNames(wamid)).containsExactly("read", "delivered", "sent");
        List<Long> times = receiver.statusesOf(wamid).stream()
                .map(s -> Long.parseLong(s.path("timestamp").stringValue())).toList();
        assertThat(times.get(0)).isGreaterThanOrEqualTo(times.get(2));
    }

    @Test
    void withBatchingSeveralStatusesShareOnePost() {
        switches(Map.of("batchSize", 3, "batchLingerMs", 3000));
        String number = client.newSender(null);
        String wamid = client.sendAccepted(number, text("+31612345678", "batched"));

        await().atMost(PATIENCE).until(() -> statusNames(wamid).size() == 3);
        assertThat(receiver.deliveries()).anySatisfy(delivery -> assertThat(WebhookReceiver.statuses(delivery))
                .filteredOn(s -> s.path("id").stringValue().equals(wamid)).hasSize(3));
    }

    @Test
    void aPostAnsweredWithAnythingButOkIsRetriedWithTheSameBytes() {
        receiver.answerNext(500, 503);
        String number = client.newSender(null);
        String wamid = client.sendAccepted(number, text("+31612345678", "retried"));

        await().atMost(PATIENCE).until(() -> statusNames(wamid).size() == 3);
        List<Delivery> all = receiver.deliveries();
        List<Delivery> refused = all.stream().filter(d -> d.answeredWith() != 200).toList();
        assertThat(refused).hasSize(2);
        for (Delivery failed : refused) {
            assertThat(all).anySatisfy(d -> {
                assertThat(d.answeredWith()).isEqualTo(200);
                assertThat(Arrays.equals(d.body(), failed.body())).isTrue();
                assertThat(d.signature()).isEqualTo(failed.signature());
            });
        }
        client.http.get().uri("/sandbox/webhooks/stats").exchange().expectBody()
                .jsonPath("$.answeredNon200").isEqualTo(2);
    }
}
