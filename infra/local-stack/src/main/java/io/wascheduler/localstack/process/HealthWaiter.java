package io.wascheduler.localstack.process;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Polls each service's {@code /actuator/health} until it answers UP. Fails at once when a process exits,
 * and at the deadline names every service that is not up, with the end of its log.
 */
public final class HealthWaiter {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private final Consumer<String> progress;

    public HealthWaiter(Consumer<String> progress) {
        this.progress = progress;
    }

    public void awaitUp(List<ManagedProcess> processes, Duration timeout) {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        Map<ManagedProcess, String> waiting = new LinkedHashMap<>();
        processes.stream().filter(p -> p.healthUrl().isPresent()).forEach(p -> waiting.put(p, "no answer yet"));
        while (!waiting.isEmpty()) {
            for (ManagedProcess process : new ArrayList<>(waiting.keySet())) {
                if (!process.isAlive()) {
                    throw StartupFailedException.withLog(process.name() + " exited while starting", process);
                }
                Optional<String> problem = problem(process);
                if (problem.isEmpty()) {
                    waiting.remove(process);
                    progress.accept(process.name() + " is UP after " + Duration.between(start, Instant.now()).toSeconds() + " s");
                } else {
                    waiting.put(process, problem.get());
                }
            }
            if (!waiting.isEmpty() && Instant.now().isAfter(deadline)) {
                throw notUp(waiting, timeout);
            }
            sleep(waiting.isEmpty() ? Duration.ZERO : POLL_INTERVAL);
        }
    }

    /** Empty when the service is UP, otherwise what it answered. */
    private Optional<String> problem(ManagedProcess process) {
        HttpRequest request = HttpRequest.newBuilder(process.healthUrl().orElseThrow()).timeout(REQUEST_TIMEOUT).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && isUp(response.body())) {
                return Optional.empty();
            }
            return Optional.of("HTTP " + response.statusCode() + " " + abbreviate(response.body()));
        } catch (IOException e) {
            return Optional.of("no answer (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupFailedException("Interrupted while waiting for " + process.name());
        }
    }

    private static boolean isUp(String body) {
        try {
            return "UP".equals(JSON.readTree(body).path("status").asString(""));
        } catch (JacksonException e) {
            return false;
        }
    }

    private static StartupFailedException notUp(Map<ManagedProcess, String> waiting, Duration timeout) {
        StringBuilder message = new StringBuilder("Not UP within " + timeout.toSeconds() + " s:");
        waiting.forEach((process, answer) -> message.append(System.lineSeparator()).append("- ").append(process.name())
            .append(" at ").append(process.healthUrl().orElseThrow()).append(": ").append(answer));
        waiting.keySet().forEach(process -> message.append(System.lineSeparator())
            .append(StartupFailedException.logSection(process)));
        return new StartupFailedException(message.toString());
    }

    private static String abbreviate(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupFailedException("Interrupted while waiting for the services");
        }
    }
}
