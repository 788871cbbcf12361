package io.wascheduler.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wascheduler.localstack.demo.DemoEnv;
import io.wascheduler.localstack.process.JvmSpec;
import io.wascheduler.localstack.process.StartupFailedException;
import io.wascheduler.localstack.state.StateDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's pure parts: where things go, the files it keeps, and how services get their secrets. */
class StackFilesTest {

    @TempDir
    Path folder;

    @Test
    void everythingTheStackKeepsLivesInsideItsStateFolder() {
        StackLayout layout = new StackLayout(folder.resolve("repo"), folder.resolve("repo/.local-stack"), StackPorts.STANDARD);

        assertThat(List.of(layout.logFile("kafka"), layout.kafkaDirectory(), layout.postgresDataDirectory(),
            layout.serviceStateDirectory("status-projector"), layout.secretsFile(), layout.demoEnvFile()))
            .allSatisfy(path -> assertThat(path).startsWithRaw(layout.stateDirectory()));
        assertThat(layout.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5433/wa_scheduler");
        assertThat(layout.kafkaBootstrapServers()).isEqualTo("localhost:9092");
    }

    @Test
    void secretsAreGeneratedOnceAndReusedAfterARestart() {
        Path file = folder.resolve("secrets.properties");

        StackSecrets first = StackSecrets.loadOrCreate(file, new SecureRandom());
        StackSecrets afterRestart = StackSecrets.loadOrCreate(file, new SecureRandom());

        assertThat(afterRestart).isEqualTo(first);
        assertThat(Base64.getDecoder().decode(first.tokenEncryptionKey())).hasSize(32);
        assertThat(first.toString()).doesNotContain(first.tokenEncryptionKey(), first.adminToken());
    }

    @Test
    void twoStacksNeverShareSecrets() {
        StackSecrets one = StackSecrets.loadOrCreate(folder.resolve("one/secrets.properties"), new SecureRandom());
        StackSecrets other = StackSecrets.loadOrCreate(folder.resolve("other/secrets.properties"), new SecureRandom());

        assertThat(other.adminToken()).isNotEqualTo(one.adminToken());
        assertThat(other.tokenEncryptionKey()).isNotEqualTo(one.tokenEncryptionKey());
    }

    @Test
    void demoEnvHoldsExactlyTheFiveKeysScriptsSourceAndOnlyItsOwnerCanReadIt() throws IOException {
        Path file = folder.resolve("demo.env");
        DemoEnv demo = new DemoEnv("key-1", "admin-2", "100200300400500", "secret-3", "verify-4");

        demo.write(file);

        assertThat(Files.readAllLines(file)).containsExactly(
            "API_KEY=key-1", "ADMIN_TOKEN=admin-2", "SENDER=100200300400500", "APP_SECRET=secret-3", "VERIFY_TOKEN=verify-4");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(DemoEnv.read(file)).contains(demo);
    }

    @Test
    void aFreshStartWipesTheStateFolderButRefusesAFolderTheStackDidNotCreate() throws IOException {
        Path state = folder.resolve("state");
        StateDirectory.prepare(state, false);
        Files.writeString(state.resolve("demo.env"), "API_KEY=old\n");
        Path foreign = Files.createDirectories(folder.resolve("home"));
        Files.writeString(foreign.resolve("notes.txt"), "keep me");

        StateDirectory.prepare(state, true);

        assertThat(state.resolve("demo.env")).doesNotExist();
        assertThatThrownBy(() -> StateDirectory.prepare(foreign, true)).hasMessageContaining("Refusing to wipe");
        assertThat(foreign.resolve("notes.txt")).hasContent("keep me");
    }

    @Test
    void servicesGetTheirSecretsThroughTheEnvironmentNeverOnTheCommandLine() throws IOException {
        StackLayout layout = new StackLayout(folder, folder.resolve(".local-stack"), StackPorts.STANDARD);
        StackSecrets secrets = StackSecrets.loadOrCreate(layout.secretsFile(), new SecureRandom());
        StackServices.Service schedulerApi = StackServices.all(layout, secrets).stream()
            .filter(service -> service.name().equals("scheduler-api")).findFirst().orElseThrow();
        Files.createDirectories(folder.resolve("scheduler-api/target"));
        Files.createFile(folder.resolve("scheduler-api/target/scheduler-api-0.1.0-SNAPSHOT-exec.jar"));

        JvmSpec spec = StackServices.spec(schedulerApi, layout, ServiceTuning.QUICK_START);

        assertThat(String.join(" ", spec.command()))
            .contains("--server.port=8080", "--spring.r2dbc.url=" + layout.r2dbcUrl(), "scheduler-api-0.1.0-SNAPSHOT-exec.jar")
            .doesNotContain(secrets.tokenEncryptionKey(), secrets.adminToken(), secrets.postgresPassword());
        assertThat(spec.environment().get("SPRING_APPLICATION_JSON"))
            .contains("\"wa.api.token-encryption-key\":\"" + secrets.tokenEncryptionKey() + "\"");
    }

    @Test
    void aMissingServiceJarIsReportedWithHowToBuildIt() {
        StackLayout layout = new StackLayout(folder, folder.resolve(".local-stack"), StackPorts.STANDARD);
        StackServices.Service sandbox = StackServices.all(layout, StackSecrets.generate(new SecureRandom())).getFirst();

        assertThatThrownBy(() -> StackServices.spec(sandbox, layout, ServiceTuning.QUICK_START))
            .isInstanceOf(StartupFailedException.class)
            .hasMessageContaining("meta-sandbox-<version>-exec.jar")
            .hasMessageContaining("./mvnw install");
    }
}
