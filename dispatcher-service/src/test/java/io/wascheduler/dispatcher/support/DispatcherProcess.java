package io.wascheduler.dispatcher.support;

import io.wascheduler.model.event.EventCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The dispatcher as a separate operating-system process, so a test can kill it the hard way (SIGKILL: no
 * shutdown hook, no transaction abort, no consumer leaving its group). It runs the module's freshly compiled
 * classes with the test's classpath and {@code DispatcherApplication} as main class: the -exec.jar is only
 * packaged after the tests, and would hold the same classes.
 */
public final class DispatcherProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private DispatcherProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a dispatcher with {@code settings} ({@code --key=value}); its output goes to {@code log}. */
    public static DispatcherProcess start(List<String> settings, Path log) {
        try {
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "io.wascheduler.dispatcher.DispatcherApplication",
                "--server.port=" + port));
            command.addAll(settings);
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new DispatcherProcess(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True once the service answers its health endpoint with UP. */
    public boolean isUp() {
        return get("/actuator/health").map(body -> body.contains("\"UP\"")).orElse(false);
    }

    /** The sum over all tags of a metric's first measurement (a gauge's value, a counter's count); 0 if unknown. */
    public double metric(String name) {
        return get("/actuator/metrics/" + name)
            .map(body -> EventCodec.mapper().readTree(body).path("measurements").path(0).path("value").asDouble())
            .orElse(0.0);
    }

    /** SIGKILL, and waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
    }

    private Optional<String> get(String path) {
        try {
            HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
