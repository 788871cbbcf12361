package io.wascheduler.sandbox.webhook;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import io.wascheduler.sandbox.config.SandboxProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Posts signed status batches to the webhook URL with a bounded number in flight. A POST answered with anything
 * but 200 (or not answered) is queued again after the retry schedule's backoff, without holding a slot while it
 * waits; after the last attempt the batch is dropped and counted.
 */
final class WebhookDelivery {

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);
    private static final String META_USER_AGENT = "facebookexternalua";
    /** Stands for the HTTP status of a POST that got no answer (refused connection, timeout). */
    private static final int NO_ANSWER = 0;

    private record Attempt(byte[] body, String signature, int number) {
    }

    record Counts(long posted, long answeredNon200, long abandoned) {
    }

    private final String url;
    private final WebClient client;
    private final WebhookSigner signer;
    private final JsonMapper json;
    private final RetrySchedule retries;
    private final Duration requestTimeout;
    private final Scheduler timers;
    private final FluxSink<Attempt> queue;
    private final Disposable worker;
    private final ConnectionProvider connections;
    private final LongAdder posted = new LongAdder();
    private final LongAdder answeredNon200 = new LongAdder();
    private final LongAdder abandoned = new LongAdder();

    WebhookDelivery(SandboxProperties properties, JsonMapper json, Scheduler timers) {
        this.timers = timers;
        SandboxProperties.Delivery delivery = properties.delivery();
        this.url = properties.webhookUrl();
        this.json = json;
        this.signer = new WebhookSigner(properties.appSecret());
        this.retries = new RetrySchedule(delivery.maxAttempts(), delivery.initialBackoff(),
                delivery.backoffMultiplier(), delivery.maxBackoff());
        this.requestTimeout = delivery.requestTimeout();
        this.connections = ConnectionProvider.builder("sandbox-webhooks")
                .maxConnections(delivery.maxConcurrency()).build();
        this.client = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections)))
                .build();
        AtomicReference<FluxSink<Attempt>> opened = new AtomicReference<>();
        this.worker = Flux.<Attempt>create(opened::set, FluxSink.OverflowStrategy.BUFFER)
                .flatMap(this::post, delivery.maxConcurrency()).subscribe();
        // create() hands over its sink, safe for many producing threads, while subscribe() runs
        this.queue = opened.get();
    }

    void deliver(List<StatusEvent> batch) {
        byte[] body = json.writeValueAsBytes(WebhookPayloads.build(batch));
        enqueue(new Attempt(body, signer.signatureHeader(body), 1));
    }

    Counts counts() {
        return new Counts(posted.sum(), answeredNon200.sum(), abandoned.sum());
    }

    private void enqueue(Attempt attempt) {
        queue.next(attempt);
    }

    /** Never fails: a failure here would end the delivery stream for every later batch. */
    private Mono<Void> post(Attempt attempt) {
        return Mono.defer(() -> client.post().uri(url)
                        .contentType(MediaType.APPLICATION_JSON)
                        .header(WebhookSigner.HEADER, attempt.signature())
                        .header(HttpHeaders.USER_AGENT, META_USER_AGENT)
                        .bodyValue(attempt.body())
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())))
                .timeout(requestTimeout)
                .onErrorResume(unanswered -> Mono.just(NO_ANSWER))
                .doOnNext(status -> settle(attempt, status))
                .then()
                .onErrorResume(e -> {
                    log.warn("Webhook batch dropped: {}", e.toString());
                    return Mono.empty();
                });
    }

    private void settle(Attempt attempt, int status) {
        posted.increment();
        if (status == 200) {
            return;
        }
        answeredNon200.increment();
        retries.delayAfter(attempt.number()).ifPresentOrElse(
                wait -> timers.schedule(
                        () -> enqueue(new Attempt(attempt.body(), attempt.signature(), attempt.number() + 1)),
                        wait.toMillis(), TimeUnit.MILLISECONDS),
                () -> {
                    abandoned.increment();
                    log.warn("Webhook batch abandoned after {} attempts, last answer {}", attempt.number(), status);
                });
    }

    void close() {
        worker.dispose();
        connections.dispose();
    }
}
