package io.wascheduler.benchmarks.projector;

import io.wascheduler.benchmarks.webhook.Options;
import io.wascheduler.model.lifecycle.MessageStatus;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./dev bench counters-check [--campaign=ID] [--projector-url=URL] [--jdbc-url=URL] [--state-dir=DIR]}:
 * not a benchmark but a check on a running stack (by default the one {@code ./dev up} started: projector on
 * 8082, PostgreSQL on 5433, password from {@code .local-stack/secrets.properties}). For each campaign it prints
 * the status-projector's counters beside the counts by status in scheduler-api's PostgreSQL and says AGREE or
 * DISAGREE; the two must agree once the campaign is at rest. Exits 1 if any campaign disagrees.
 */
public final class CountersCheckBenchmark {

    private static final String CAMPAIGNS = "select id, name, status from campaigns order by id";
    private static final String ONE_CAMPAIGN = "select id, name, status from campaigns where id = ?";
    /** Messages removed since (bulk delete, retention purge) keep counting, as in the projector's counters. */
    private static final String COUNTS_BY_STATUS = """
        select status, sum(n)::bigint from (
          select status, count(*) as n from messages where campaign_id = ? group by status
          union all
          select status, removed from campaign_removed_messages where campaign_id = ?) counted
        group by status""";
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Campaign(String id, String name, String status) {
    }

    private CountersCheckBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.strings(args, Map.of());
        Path stateDir = Path.of(options.getOrDefault("state-dir", ".local-stack"));
        URI projector = URI.create(options.getOrDefault("projector-url", "http://localhost:8082"));
        String jdbcUrl = options.getOrDefault("jdbc-url", "jdbc:postgresql://127.0.0.1:5433/wa_scheduler");
        HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
        int disagreements = 0;
        try (Connection db = DriverManager.getConnection(jdbcUrl, "wa", postgresPassword(stateDir))) {
            List<Campaign> campaigns = campaigns(db, options.get("campaign"));
            System.out.printf("Comparing %d campaign(s): status-projector %s against PostgreSQL %s%n%n",
                campaigns.size(), projector, jdbcUrl);
            for (Campaign campaign : campaigns) {
                FunnelCounts database = FunnelCounts.fromStatusCounts(countsByStatus(db, campaign.id()));
                ProjectorAnswer answer = projectorCounters(http, projector, campaign.id());
                boolean agree = database.equals(answer.counts());
                disagreements += agree ? 0 : 1;
                System.out.printf("campaign %s \"%s\" (%s): %s%s%n", campaign.id(), campaign.name(), campaign.status(),
                    agree ? "AGREE" : "DISAGREE", answer.note());
                System.out.println(FunnelCounts.HEADER);
                System.out.println(answer.counts().row("projector"));
                System.out.println(database.row("postgres"));
                System.out.println();
            }
            System.out.printf("%d of %d campaign(s) agree%n", campaigns.size() - disagreements, campaigns.size());
        }
        if (disagreements > 0) {
            System.exit(1);
        }
    }

    /** The projector's counters; a campaign it never heard of counts as all zeros (a draft has no messages). */
    private record ProjectorAnswer(FunnelCounts counts, String note) {
    }

    private static ProjectorAnswer projectorCounters(HttpClient http, URI projector, String campaignId)
        throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(projector.resolve("/internal/v1/campaigns/" + campaignId + "/progress"))
            .timeout(HTTP_TIMEOUT).header("Accept", "application/json").GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return switch (response.statusCode()) {
            case 200 -> new ProjectorAnswer(FunnelCounts.fromProgress(JSON.readTree(response.body())), "");
            case 404 -> new ProjectorAnswer(FunnelCounts.none(), " (unknown to the projector)");
            default -> throw new IOException("The projector answered " + response.statusCode() + ": " + response.body());
        };
    }

    private static List<Campaign> campaigns(Connection db, String onlyId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(onlyId == null ? CAMPAIGNS : ONE_CAMPAIGN)) {
            if (onlyId != null) {
                query.setString(1, onlyId);
            }
            List<Campaign> campaigns = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    campaigns.add(new Campaign(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
            }
            if (onlyId != null && campaigns.isEmpty()) {
                throw new IllegalArgumentException("No campaign " + onlyId + " in " + db.getMetaData().getURL());
            }
            return campaigns;
        }
    }

    private static Map<MessageStatus, Long> countsByStatus(Connection db, String campaignId) throws SQLException {
        Map<MessageStatus, Long> counts = new EnumMap<>(MessageStatus.class);
        try (PreparedStatement query = db.prepareStatement(COUNTS_BY_STATUS)) {
            query.setString(1, campaignId);
            query.setString(2, campaignId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(MessageStatus.valueOf(rows.getString(1)), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    /** The password the local stack generated for PostgreSQL, from its secrets file (never printed). */
    private static String postgresPassword(Path stateDir) throws IOException {
        Properties secrets = new Properties();
        try (Reader reader = Files.newBufferedReader(stateDir.resolve("secrets.properties"), StandardCharsets.UTF_8)) {
            secrets.load(reader);
        }
        String password = secrets.getProperty("postgres-password");
        if (password == null) {
            throw new IllegalStateException("No postgres-password in " + stateDir.resolve("secrets.properties"));
        }
        return password;
    }
}
