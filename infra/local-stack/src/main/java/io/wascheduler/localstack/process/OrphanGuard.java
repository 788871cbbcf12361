package io.wascheduler.localstack.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tiny separate process that outlives a launcher killed without warning (kill -9, a crashed test JVM).
 * The launcher writes the pid of every process it starts to the guard's standard input; when that input
 * ends, the launcher is gone (the kernel closes the pipe), and the guard stops whatever it was told about
 * that is still running: SIGTERM, then SIGKILL after a grace period. After a clean stop nothing is left.
 */
public final class OrphanGuard {

    private static final Duration GRACE = Duration.ofSeconds(20);
    private static final Duration CHECK_INTERVAL = Duration.ofMillis(200);

    private OrphanGuard() {
    }

    public static JvmSpec spec(String classpath) {
        return new JvmSpec("orphan-guard", List.of("-Xmx16m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
            JvmSpec.mainClass(classpath, OrphanGuard.class), List.of(), Map.of(), null);
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Set<ProcessHandle> watched = new HashSet<>();
        BufferedReader launcher = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        for (String line = launcher.readLine(); line != null; line = launcher.readLine()) {
            ProcessHandle.of(Long.parseLong(line.strip())).ifPresent(watched::add);
        }
        watched.removeIf(process -> !process.isAlive());
        if (watched.isEmpty()) {
            return;
        }
        System.err.println("The launcher is gone; stopping " + watched.stream().map(ProcessHandle::pid).toList());
        watched.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(GRACE);
        while (Instant.now().isBefore(deadline) && watched.stream().anyMatch(ProcessHandle::isAlive)) {
            Thread.sleep(CHECK_INTERVAL);
        }
        watched.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
