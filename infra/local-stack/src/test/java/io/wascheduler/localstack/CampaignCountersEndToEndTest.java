package io.wascheduler.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wascheduler.localstack.demo.DemoEnv;
import io.wascheduler.localstack.demo.JsonHttp;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every callback counted exactly once, live: the sandbox posts duplicated, reordered and batched status
 * webhooks for a 1,000-recipient campaign, and the projector's counters still end exact and equal to the
 * counts by status in scheduler-api's PostgreSQL. Ports are the standard ones unless the system property
 * {@code wa.e2e.port-offset} shifts them (to run beside a {@code ./dev up}).
 */
class CampaignCountersEndToEndTest {

    private static final int CAMPAIGN_SIZE = 1_000;
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    /** Meta's disorders, turned up: a fifth of the statuses twice, half the messages' statuses latest first, batches of 20. */
    private static final Map<String, String> DISORDERLY_SANDBOX = Map.of(
        "sandbox.statuses.duplicate-probability", "0.2",
        "sandbox.statuses.reorder-probability", "0.5",
        "sandbox.statuses.batch-size", "20",
        "sandbox.statuses.batch-linger", "50ms");
    private static final List<String> COUNTERS =
        List.of("total", "pending", "sending", "sent", "delivered", "read", "failed", "cancelled");
    private static final String COUNTS_BY_STATUS =
        "select status, count(*) from messages where campaign_id = ? group by status";

    private static LocalStack stack;
    private static DemoEnv demo;
    private static final JsonHttp http = new JsonHttp();

    @BeforeAll
    static void startAStackWhoseSandboxDuplicatesAndReorders() throws IOException {
        Path stateDirectory = Path.of("target", "e2e-counters-stack").toAbsolutePath();
        StackPorts ports = StackPorts.STANDARD.offsetBy(Integer.getInteger("wa.e2e.port-offset", 0));
        ServiceTuning tuning = new ServiceTuning(ServiceTuning.QUICK_START.jvmOptions(),
            Map.of("meta-sandbox", DISORDERLY_SANDBOX));
        stack = LocalStack.start(new StackOptions(repositoryRoot(), stateDirectory, launcherClasspath(), true, ports, null,
            tuning));
        demo = stack.demo();
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aThousandRecipientCampaignEndsWithExactCountersThatEqualTheDatabaseDespiteDuplicatesAndReordering()
        throws SQLException {
        String campaignId = createCampaign();

        Map<String, Integer> exact = Map.of("total", CAMPAIGN_SIZE, "pending", 0, "sending", 0, "sent", CAMPAIGN_SIZE,
            "delivered", CAMPAIGN_SIZE, "read", CAMPAIGN_SIZE, "failed", 0, "cancelled", 0);
        await().atMost(PATIENCE).pollInterval(POLL_INTERVAL).untilAsserted(() ->
            assertThat(projectorCounters(campaignId)).isEqualTo(exact));

        await().atMost(PATIENCE).pollInterval(POLL_INTERVAL).untilAsserted(() ->
            assertThat(countsByStatusInDatabase(campaignId)).isEqualTo(Map.of("READ", (long) CAMPAIGN_SIZE)));
        assertThat(projectorCounters(campaignId)).as("the counters at rest").isEqualTo(exact);
        assertThat(sandboxWebhookStats().path("posted").asLong()).as("status POSTs, batched")
            .isPositive().isLessThan(3L * CAMPAIGN_SIZE);
    }

    private static String createCampaign() {
        List<Map<String, Object>> recipients = IntStream.range(0, CAMPAIGN_SIZE)
            .mapToObj(i -> Map.<String, Object>of("to", "+1415556" + (1000 + i), "vars", Map.of("name", "Guest " + i)))
            .toList();
        JsonHttp.Response created = http.post(stackUri(stack.layout().ports().schedulerApi(), "/v1/campaigns"),
            demo.apiKey(), Map.of("name", "Disorderly callbacks", "from", demo.sender(),
                "content", Map.of("type", "text", "text", "Hello {{name}}, your order has shipped"),
                "recipients", recipients));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().path("id").asString();
    }

    /** The projector's funnel counters, as its query API answers them. */
    private static Map<String, Integer> projectorCounters(String campaignId) {
        JsonHttp.Response response = http.get(stackUri(stack.layout().ports().statusProjector(),
            "/internal/v1/campaigns/" + campaignId + "/progress"), null);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        Map<String, Integer> counters = new TreeMap<>();
        COUNTERS.forEach(counter -> counters.put(counter, response.body().path(counter).asInt(-1)));
        return counters;
    }

    private static JsonNode sandboxWebhookStats() {
        JsonHttp.Response response = http.get(stackUri(stack.layout().ports().metaSandbox(), "/sandbox/webhooks/stats"), null);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.body();
    }

    /** The read model the public API answers from, straight from PostgreSQL. */
    private static Map<String, Long> countsByStatusInDatabase(String campaignId) throws SQLException {
        String password = StackSecrets.loadOrCreate(stack.layout().secretsFile(), new SecureRandom()).postgresPassword();
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(stack.layout().jdbcUrl(), StackLayout.DATABASE_USER, password);
             PreparedStatement query = connection.prepareStatement(COUNTS_BY_STATUS)) {
            query.setString(1, campaignId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    private static URI stackUri(int port, String path) {
        return stack.layout().httpBase(port).resolve(path);
    }

    private static Path repositoryRoot() {
        return Path.of(System.getProperty("wa.repository.root", "../.."));
    }

    private static String launcherClasspath() throws IOException {
        Path listing = Path.of(System.getProperty("wa.launcher.classpath", "target/classpath.txt")).toAbsolutePath();
        return Files.readString(listing).strip() + File.pathSeparator + listing.resolveSibling("classes");
    }
}
