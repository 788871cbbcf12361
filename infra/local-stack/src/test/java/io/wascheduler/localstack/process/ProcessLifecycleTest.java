package io.wascheduler.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The process machinery on real processes: failures come with their log, and nothing outlives a killed launcher. */
class ProcessLifecycleTest {

    @TempDir
    Path logs;

    @Test
    void aServiceThatDiesWhileStartingIsReportedAtOnceWithTheEndOfItsLog() {
        JvmSpec failing = new JvmSpec("scheduler-api", TestJvms.SMALL_JVM,
            JvmSpec.mainClass(TestJvms.classpath(), TestJvms.ExitsAtOnce.class), List.of(), Map.of(),
            URI.create("http://localhost:1/actuator/health"));
        ManagedProcess process = ManagedProcess.start(failing, logs.resolve("scheduler-api.log"));

        assertThatThrownBy(() -> new HealthWaiter(message -> { }).awaitUp(List.of(process), Duration.ofMinutes(3)))
            .isInstanceOf(StartupFailedException.class)
            .hasMessageContaining("scheduler-api exited while starting")
            .hasMessageContaining("wa.api.admin-token must not be blank");
    }

    @Test
    void aStoppedProcessIsGoneAndItsOutputStaysInItsLog() {
        ManagedProcess process =
            ManagedProcess.start(TestJvms.spec("sleeper", TestJvms.RunsForever.class), logs.resolve("sleeper.log"));

        process.stop(Duration.ofSeconds(10));

        assertThat(process.isAlive()).isFalse();
        assertThat(process.logTail(5)).contains("=== sleeper starting at");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void whenTheLauncherIsKilledOutrightItsChildrenAreStoppedByTheGuard() throws IOException {
        Process launcher = new ProcessBuilder(TestJvms.spec("launcher", TestJvms.MiniLauncher.class, logs.toString()).command())
            .redirectErrorStream(true).start();
        ProcessHandle child = null;
        try {
            child = ProcessHandle.of(readChildPid(launcher)).orElseThrow();

            launcher.destroyForcibly();

            ProcessHandle watched = child;
            await().atMost(Duration.ofSeconds(60)).until(() -> !watched.isAlive());
        } finally {
            launcher.destroyForcibly();
            if (child != null) {
                child.destroyForcibly();
            }
        }
    }

    private static long readChildPid(Process launcher) throws IOException {
        List<String> seen = new ArrayList<>();
        try (BufferedReader output =
                 new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                if (line.startsWith("CHILD ")) {
                    return Long.parseLong(line.substring("CHILD ".length()).trim());
                }
                seen.add(line);
            }
        }
        throw new AssertionError("The launcher ended without starting its child: " + seen);
    }
}
