package io.wascheduler.webhook.webhook;

import io.micrometer.core.instrument.Timer;
import io.wascheduler.webhook.parse.WebhookParser;
import io.wascheduler.webhook.publish.WebhookPublisher;
import io.wascheduler.webhook.signature.SignatureCheck;
import io.wascheduler.webhook.signature.SignatureVerifier;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One webhook POST: read the raw bytes within the limit, check the signature over exactly those
 * bytes, parse, and complete only once the broker holds every record. Nothing is published unless
 * the signature is valid.
 */
final class WebhookReceiver {

    private final BoundedBodyReader bodyReader;
    private final SignatureVerifier verifier;
    private final WebhookParser parser;
    private final WebhookPublisher publisher;
    private final WebhookMetrics metrics;

    WebhookReceiver(BoundedBodyReader bodyReader, SignatureVerifier verifier, WebhookParser parser,
        WebhookPublisher publisher, WebhookMetrics metrics) {
        this.bodyReader = bodyReader;
        this.verifier = verifier;
        this.parser = parser;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    Mono<Void> receive(HttpHeaders headers, Flux<DataBuffer> body) {
        Timer.Sample sample = metrics.start();
        String signature = headers.getFirst(SignatureVerifier.HEADER);
        // An unsigned request is refused before its body is read: there is no reason to buffer it.
        Mono<byte[]> rawBody = signature == null
            ? Mono.error(unauthorized(SignatureCheck.MISSING))
            : bodyReader.read(headers.getContentLength(), body);
        return rawBody
            .map(raw -> verified(signature, raw))
            .map(parser::parse)
            .flatMap(webhook -> publisher.publish(webhook).thenReturn(webhook))
            .doOnNext(webhook -> metrics.acknowledged(sample, webhook.statuses()))
            .doOnError(failure -> metrics.refused(sample, failure))
            .then();
    }

    private byte[] verified(String signature, byte[] raw) {
        SignatureCheck check = verifier.verify(signature, raw);
        if (check != SignatureCheck.VALID) {
            throw unauthorized(check);
        }
        return raw;
    }

    private static WebhookRejectedException unauthorized(SignatureCheck check) {
        return new WebhookRejectedException(HttpStatus.UNAUTHORIZED, SignatureVerifier.HEADER, check.reason());
    }
}
