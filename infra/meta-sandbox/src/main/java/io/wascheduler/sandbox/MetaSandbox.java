package io.wascheduler.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the sandbox inside another JVM, for other modules' tests:
 *
 * <pre>{@code
 * try (MetaSandbox sandbox = MetaSandbox.start(Map.of("sandbox.webhook-url", url, "sandbox.app-secret", secret))) {
 *     String cloudApiBaseUrl = sandbox.baseUrl();
 * }
 * }</pre>
 *
 * It listens on a random port unless {@code server.port} is given, leaves the host's logging alone, and skips
 * the database and Kafka auto-configurations a host's class path may bring, since the sandbox needs neither.
 */
public final class MetaSandbox implements AutoCloseable {

    private static final String NOT_NEEDED_AUTO_CONFIGURATIONS = String.join(",",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
            "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
            "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcRepositoriesAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration");

    private final ConfigurableApplicationContext context;

    private MetaSandbox(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts a sandbox with these properties ({@code sandbox.*}, {@code server.port}, ...) over its defaults. */
    public static MetaSandbox start(Map<String, ?> properties) {
        Map<String, Object> effective = new LinkedHashMap<>();
        effective.put("spring.config.name", MetaSandboxApplication.CONFIG_NAME);
        effective.put("server.port", 0);
        effective.put("spring.autoconfigure.exclude", NOT_NEEDED_AUTO_CONFIGURATIONS);
        effective.put("spring.main.banner-mode", "off");
        effective.put("spring.jmx.enabled", false);
        effective.putAll(properties);
        String[] args = effective.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        SpringApplicationBuilder builder = new SpringApplicationBuilder(MetaSandboxApplication.class)
                .main(MetaSandboxApplication.class);
        builder.application().setListeners(builder.application().getListeners().stream()
                .filter(listener -> !(listener instanceof LoggingApplicationListener)).toList());
        return new MetaSandbox(builder.run(args));
    }

    public int port() {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    /** The Cloud API base URL to give a client: {@code http://localhost:<port>}. */
    public String baseUrl() {
        return "http://localhost:" + port();
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
