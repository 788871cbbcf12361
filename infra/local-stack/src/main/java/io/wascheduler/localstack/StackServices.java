package io.wascheduler.localstack;

import io.wascheduler.localstack.process.JvmSpec;
import io.wascheduler.localstack.process.StartupFailedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP services of the stack, in start order, and the configuration each one gets. Every service is
 * started the same way, through {@link #spec}.
 */
final class StackServices {

    private static final String CLOUD_API_VERSION = "v23.0";
    private static final String WEBHOOK_PATH = "/webhooks/whatsapp";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One service: plain settings become {@code --key=value} arguments, secret ones travel in the environment. */
    record Service(String name, String module, int port, Map<String, String> settings, Map<String, String> secretSettings) {
    }

    private StackServices() {
    }

    static List<Service> all(StackLayout layout, StackSecrets secrets) {
        StackPorts ports = layout.ports();
        List<Service> services = new ArrayList<>();
        services.add(new Service("meta-sandbox", "infra/meta-sandbox", ports.metaSandbox(),
            Map.of("sandbox.webhook-url", layout.httpBase(ports.webhookIngest()) + WEBHOOK_PATH),
            Map.of("sandbox.app-secret", secrets.appSecret())));
        services.add(new Service("scheduler-api", "scheduler-api", ports.schedulerApi(), Map.of(
            "spring.r2dbc.url", layout.r2dbcUrl(), "spring.r2dbc.username", StackLayout.DATABASE_USER,
            "spring.flyway.url", layout.jdbcUrl(), "spring.flyway.user", StackLayout.DATABASE_USER,
            "wa.api.projector-base-url", layout.httpBase(ports.statusProjector()).toString()), Map.of(
            "spring.r2dbc.password", secrets.postgresPassword(), "spring.flyway.password", secrets.postgresPassword(),
            "wa.api.admin-token", secrets.adminToken(), "wa.api.internal-token", secrets.internalToken(),
            "wa.api.token-encryption-key", secrets.tokenEncryptionKey())));
        services.add(new Service("webhook-ingest", "webhook-ingest", ports.webhookIngest(), Map.of(),
            Map.of("wa.webhook.app-secret", secrets.appSecret(), "wa.webhook.verify-token", secrets.verifyToken())));
        services.add(new Service("status-projector", "status-projector", ports.statusProjector(), Map.of(
            "wa.projector.state-dir", layout.serviceStateDirectory("status-projector").toString(),
            "wa.projector.advertised-host-port", "localhost:" + ports.statusProjector()), Map.of()));
        services.add(new Service("dispatcher-service", "dispatcher-service", ports.dispatcher(), Map.of(
            "wa.dispatcher.cloud-api-base-url", layout.httpBase(ports.metaSandbox()).toString(),
            "wa.dispatcher.cloud-api-version", CLOUD_API_VERSION,
            "wa.dispatcher.scheduler-api-base-url", layout.httpBase(ports.schedulerApi()).toString(),
            "wa.dispatcher.projector-base-url", layout.httpBase(ports.statusProjector()).toString(),
            "wa.dispatcher.state-dir", layout.serviceStateDirectory("dispatcher-service").toString()),
            Map.of("wa.dispatcher.internal-token", secrets.internalToken())));
        return List.copyOf(services);
    }

    static JvmSpec spec(Service service, StackLayout layout, ServiceTuning tuning) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.port", Integer.toString(service.port()));
        settings.put("spring.kafka.bootstrap-servers", layout.kafkaBootstrapServers());
        settings.putAll(service.settings());
        settings.putAll(tuning.settingsFor(service.name()));
        List<String> arguments = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
        Map<String, String> environment = service.secretSettings().isEmpty()
            ? Map.of() : Map.of("SPRING_APPLICATION_JSON", JSON.writeValueAsString(service.secretSettings()));
        return new JvmSpec(service.name(), tuning.jvmOptions(), JvmSpec.executableJar(executableJar(service, layout)),
            arguments, environment, layout.httpBase(service.port()).resolve("/actuator/health"));
    }

    /** The module's {@code <artifactId>-<version>-exec.jar}; the artifact id is the module folder's name. */
    static Path executableJar(Service service, StackLayout layout) {
        Path target = layout.buildOutput(service.module());
        String artifactId = Path.of(service.module()).getFileName().toString();
        List<Path> jars = new ArrayList<>();
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> found = Files.newDirectoryStream(target, artifactId + "-*-exec.jar")) {
                found.forEach(jars::add);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + target, e);
            }
        }
        if (jars.size() != 1) {
            throw new StartupFailedException("Expected one executable jar " + artifactId + "-<version>-exec.jar in " + target
                + " but found " + jars + "; build it first (./mvnw install -DskipTests, which ./dev up runs)");
        }
        return jars.getFirst();
    }
}
