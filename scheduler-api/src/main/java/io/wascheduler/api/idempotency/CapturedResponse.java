package io.wascheduler.api.idempotency;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Passes the response through and keeps a copy of its body, to be replayed for a repeated request. The
 * body is gathered first and {@code beforeSent} runs before any of it is sent, so a client that retries the
 * moment it has the answer already finds it kept.
 */
final class CapturedResponse extends ServerHttpResponseDecorator {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final Function<CapturedResponse, Mono<Void>> beforeSent;
    private final AtomicBoolean handled = new AtomicBoolean();

    CapturedResponse(ServerHttpResponse delegate, Function<CapturedResponse, Mono<Void>> beforeSent) {
        super(delegate);
        this.beforeSent = beforeSent;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> content) {
        return DataBufferUtils.join(content)
            .doOnNext(this::copy)
            .flatMap(joined -> handleOnce().then(super.writeWith(Mono.just(joined))))
            .switchIfEmpty(Mono.defer(() -> handleOnce().then(super.writeWith(Flux.empty()))));
    }

    /** For a response that wrote no body at all. */
    Mono<Void> handleOnce() {
        return handled.compareAndSet(false, true) ? beforeSent.apply(this) : Mono.empty();
    }

    @Override
    public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> content) {
        return super.writeAndFlushWith(Flux.from(content).map(part -> Flux.from(part).doOnNext(this::copy)));
    }

    byte[] body() {
        return body.toByteArray();
    }

    private void copy(DataBuffer buffer) {
        try (DataBuffer.ByteBufferIterator buffers = buffer.readableByteBuffers()) {
            while (buffers.hasNext()) {
                ByteBuffer next = buffers.next();
                byte[] bytes = new byte[next.remaining()];
                next.get(bytes);
                body.writeBytes(bytes);
            }
        }
    }
}
