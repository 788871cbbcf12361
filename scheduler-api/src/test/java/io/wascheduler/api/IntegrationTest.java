package io.wascheduler.api;

import io.wascheduler.embeddedpostgres.EmbeddedPostgres;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole service on a real PostgreSQL and a real (in-process KRaft) Kafka broker. Every subclass
 * shares one application context, one database and one broker; tests isolate themselves by creating
 * their own tenant.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "wa.api.admin-token=" + IntegrationTest.ADMIN_TOKEN,
    "wa.api.internal-token=" + IntegrationTest.INTERNAL_TOKEN,
    "wa.api.token-encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
    "wa.api.projector-base-url=http://127.0.0.1:9",
    "wa.api.projector-timeout=500ms",
    // small launch pages, so every launch in the suite commits several pages
    "wa.api.launch-page-size=10",
    // the relay's fallback poll out of reach: every event a test awaits on Kafka was relayed on its commit's notification
    "wa.api.outbox.poll-interval=" + IntegrationTest.OUTBOX_POLL_OUT_OF_REACH})
// generous: the suite shares a 2-core machine with other builds, and a 10,000-row campaign is one request
@AutoConfigureWebTestClient(timeout = "30s")
@EmbeddedKafka(partitions = 1, brokerProperties = {
    "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1", "transaction.state.log.num.partitions=4"})
public abstract class IntegrationTest {

    protected static final String ADMIN_TOKEN = "test-admin-token";
    protected static final String OUTBOX_POLL_OUT_OF_REACH = "10m";
    protected static final String INTERNAL_TOKEN = "test-internal-token";

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected EmbeddedKafkaBroker broker;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgres postgres = SharedPostgres.get();
        registry.add("spring.r2dbc.url", postgres::r2dbcUrl);
        registry.add("spring.r2dbc.username", postgres::user);
        registry.add("spring.r2dbc.password", postgres::password);
        registry.add("spring.flyway.url", postgres::jdbcUrl);
        registry.add("spring.flyway.user", postgres::user);
        registry.add("spring.flyway.password", postgres::password);
    }

    /** A fresh tenant with one sender, so tests never see each other's data. */
    protected TestTenant newTenant() {
        @SuppressWarnings("unchecked")
        Map<String, String> created = web.post().uri("/admin/v1/tenants")
            .header("Authorization", "Bearer " + ADMIN_TOKEN)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Tenant"))
            .exchange().expectStatus().isCreated()
            .expectBody(Map.class).returnResult().getResponseBody();
        TestTenant tenant = new TestTenant(web, created.get("tenantId"), created.get("apiKey"));
        tenant.registerSender(TestTenant.uniquePhoneNumberId(), "secret-token-" + System.nanoTime());
        return tenant;
    }
}
