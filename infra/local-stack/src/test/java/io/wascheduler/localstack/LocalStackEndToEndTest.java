package io.wascheduler.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wascheduler.localstack.demo.DemoEnv;
import io.wascheduler.localstack.demo.JsonHttp;
import io.wascheduler.model.event.CallbackData;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The whole system as a developer runs it: every part started by the launcher in a fresh state folder on
 * the standard ports, used only through the public HTTP API with the demo key, with the sandbox's ledger
 * as the ground truth of what reached "Meta". The processes' logs stay in {@code target/e2e-stack/logs}.
 */
class LocalStackEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final int CAMPAIGN_SIZE = 100;

    private static LocalStack stack;
    private static DemoEnv demo;
    private static final JsonHttp http = new JsonHttp();

    @BeforeAll
    static void startTheWholeStack() throws IOException {
        // Under target rather than a temporary folder, so that the logs are still there when a test fails.
        Path stateDirectory = Path.of("target", "e2e-stack").toAbsolutePath();
        stack = LocalStack.start(StackOptions.standard(repositoryRoot(), stateDirectory, launcherClasspath(), true));
        demo = stack.demo();
    }

    @AfterAll
    static void stopTheWholeStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aTextMessageDueInTwoSecondsIsReadAndWasSentExactlyOnceNotBeforeItsInstant() {
        String recipient = "+14155550123";
        Instant sendAt = Instant.now().plusSeconds(2);
        JsonHttp.Response created = http.post(api("/v1/messages"), demo.apiKey(), Map.of(
            "from", demo.sender(), "to", recipient, "content", Map.of("type", "text", "text", "Your table is ready"),
            "sendAt", sendAt.toString()));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String messageId = created.body().path("id").asString();

        await().atMost(PATIENCE).pollInterval(POLL_INTERVAL).untilAsserted(() ->
            assertThat(http.get(api("/v1/messages/" + messageId), demo.apiKey()).body().path("status").asString())
                .isEqualTo("READ"));

        List<JsonNode> sends = ledger("to", recipient).stream()
            .filter(send -> CallbackData.decode(send.path("bizOpaqueCallbackData").asString(null))
                .map(data -> data.messageId().equals(messageId)).orElse(false))
            .toList();
        assertThat(sends).hasSize(1);
        assertThat(sends.getFirst().path("acceptedAt").asLong()).isGreaterThanOrEqualTo(sendAt.toEpochMilli());
    }

    @Test
    void aCampaignOfAHundredRecipientsEndsWithEveryMessageSentDeliveredAndReadEachSentOnce() {
        List<Map<String, Object>> recipients = IntStream.range(0, CAMPAIGN_SIZE)
            .mapToObj(i -> Map.<String, Object>of("to", "+1415555" + (1000 + i), "vars", Map.of("name", "Guest " + i)))
            .toList();
        JsonHttp.Response created = http.post(api("/v1/campaigns"), demo.apiKey(), Map.of(
            "name", "End-to-end campaign", "from", demo.sender(),
            "content", Map.of("type", "text", "text", "Hello {{name}}, our summer sale starts today"),
            "recipients", recipients));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String campaignId = created.body().path("id").asString();

        await().atMost(PATIENCE).pollInterval(POLL_INTERVAL).untilAsserted(() -> {
            JsonNode progress = http.get(api("/v1/campaigns/" + campaignId), demo.apiKey()).body().path("progress");
            assertThat(List.of(progress.path("sent").asInt(), progress.path("delivered").asInt(), progress.path("read").asInt()))
                .as(progress.toString())
                .containsExactly(CAMPAIGN_SIZE, CAMPAIGN_SIZE, CAMPAIGN_SIZE);
        });

        List<String> sentMessageIds = ledger("phoneNumberId", demo.sender()).stream()
            .flatMap(send -> CallbackData.decode(send.path("bizOpaqueCallbackData").asString(null)).stream())
            .filter(data -> campaignId.equals(data.campaignId()))
            .map(CallbackData::messageId)
            .toList();
        assertThat(sentMessageIds).hasSize(CAMPAIGN_SIZE).doesNotHaveDuplicates();
    }

    @Test
    void aSendWhoseAnswerIsLostIsRecordedAsSentFromMetasWebhooksWithoutASecondSend() {
        String recipient = "+14155550177";
        setSandboxFaults(Map.of(demo.sender(), Map.of("lostAnswerRate", 1.0)));
        JsonHttp.Response created = http.post(api("/v1/messages"), demo.apiKey(), Map.of(
            "from", demo.sender(), "to", recipient, "content", Map.of("type", "text", "text", "Your order shipped")));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String messageId = created.body().path("id").asString();
        await().atMost(PATIENCE).pollInterval(POLL_INTERVAL).until(() -> !ledger("to", recipient).isEmpty());
        // from now on a second send would be answered, and would show in the ledger
        setSandboxFaults(Map.of());

        await().atMost(PATIENCE).pollInterval(POLL_INTERVAL).until(() -> dispatcherCount(
            "wa.dispatcher.send.taken-despite-lost-answer") >= 1);
        JsonNode message = http.get(api("/v1/messages/" + messageId), demo.apiKey()).body();
        assertThat(message.path("wamid").asString()).isEqualTo(ledger("to", recipient).getFirst().path("wamid").asString());
        assertThat(ledger("to", recipient)).hasSize(1);
    }

    private static void setSandboxFaults(Map<String, Object> faultsPerNumber) {
        JsonHttp.Response response = http.send("PUT", URI.create("http://localhost:" + StackPorts.STANDARD.metaSandbox()
            + "/sandbox/config"), null, Map.of("faultsPerNumber", faultsPerNumber));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
    }

    private static double dispatcherCount(String meter) {
        JsonHttp.Response response = http.get(URI.create("http://localhost:" + StackPorts.STANDARD.dispatcher()
            + "/actuator/metrics/" + meter), null);
        return response.status() == 200 ? response.body().path("measurements").path(0).path("value").asDouble() : 0;
    }

    /** The sandbox's record of every send it accepted, filtered by one query parameter. */
    private static List<JsonNode> ledger(String parameter, String value) {
        URI uri = URI.create("http://localhost:" + StackPorts.STANDARD.metaSandbox() + "/sandbox/messages?" + parameter + "="
            + URLEncoder.encode(value, StandardCharsets.UTF_8));
        JsonHttp.Response response = http.get(uri, null);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return StreamSupport.stream(response.body().spliterator(), false).toList();
    }

    private static URI api(String path) {
        return URI.create("http://localhost:" + StackPorts.STANDARD.schedulerApi() + path);
    }

    private static Path repositoryRoot() {
        return Path.of(System.getProperty("wa.repository.root", "../.."));
    }

    /** The launcher's class path as {@code ./dev up} builds it: the dependencies listed by Maven, then this module's classes. */
    private static String launcherClasspath() throws IOException {
        Path listing = Path.of(System.getProperty("wa.launcher.classpath", "target/classpath.txt")).toAbsolutePath();
        return Files.readString(listing).strip() + File.pathSeparator + listing.resolveSibling("classes");
    }
}
