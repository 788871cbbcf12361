package io.wascheduler.benchmarks.campaign;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/** Polls the API's {@code jvm.memory.used{area=heap}} metric and keeps the highest value seen. */
final class HeapSampler implements AutoCloseable {

    private static final Duration INTERVAL = Duration.ofMillis(250);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI metric;
    private final AtomicLong peakBytes = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    HeapSampler(URI api) {
        this.metric = api.resolve("/actuator/metrics/jvm.memory.used?tag=area:heap");
        this.sampler = Thread.ofPlatform().name("heap-sampler").daemon().start(this::sampleUntilClosed);
    }

    long peakBytes() {
        return peakBytes.get();
    }

    private void sampleUntilClosed() {
        while (running) {
            try {
                String body = http.send(HttpRequest.newBuilder(metric).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
                long used = JSON.readTree(body).path("measurements").path(0).path("value").asLong();
                peakBytes.accumulateAndGet(used, Math::max);
                Thread.sleep(INTERVAL);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // a missed sample (the API busy past the timeout) only makes the peak less exact
            }
        }
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
