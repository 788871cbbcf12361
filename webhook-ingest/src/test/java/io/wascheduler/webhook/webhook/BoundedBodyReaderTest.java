package io.wascheduler.webhook.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class BoundedBodyReaderTest {

    private static final int LIMIT = 1024;
    private static final int CHUNK = 100;
    private static final long CHUNKED = -1;

    private final DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
    private final BoundedBodyReader reader = new BoundedBodyReader(LIMIT);

    @Test
    void aBodyWithinTheLimitIsReadWholeAndUnchanged() {
        Flux<DataBuffer> body = Flux.just("{\"entry\":", "[]}").map(this::buffer);

        StepVerifier.create(reader.read(CHUNKED, body))
            .assertNext(bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("{\"entry\":[]}"))
            .verifyComplete();
    }

    @Test
    void aBodyOfExactlyTheLimitIsAccepted() {
        StepVerifier.create(reader.read(LIMIT, Flux.just(buffer("x".repeat(LIMIT)))))
            .assertNext(bytes -> assertThat(bytes).hasSize(LIMIT))
            .verifyComplete();
    }

    @Test
    void anEmptyBodyReadsAsNoBytes() {
        StepVerifier.create(reader.read(0, Flux.empty()))
            .assertNext(bytes -> assertThat(bytes).isEmpty())
            .verifyComplete();
    }

    @Test
    void anEndlessChunkedBodyIsCutOffOnceItPassesTheLimit() {
        AtomicInteger chunksProduced = new AtomicInteger();
        Flux<DataBuffer> endless = Flux.<DataBuffer>generate(sink -> sink.next(buffer("x".repeat(CHUNK))))
            .doOnNext(chunk -> chunksProduced.incrementAndGet());

        StepVerifier.create(reader.read(CHUNKED, endless))
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(WebhookRejectedException.class,
                rejected -> assertThat(rejected.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE)))
            .verify(Duration.ofSeconds(30));
        assertThat(chunksProduced.get()).isEqualTo(LIMIT / CHUNK + 1);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedWithoutReadingTheBody() {
        AtomicInteger subscriptions = new AtomicInteger();
        Flux<DataBuffer> body = Flux.just(buffer("{}")).doOnSubscribe(subscription -> subscriptions.incrementAndGet());

        StepVerifier.create(reader.read(LIMIT + 1, body))
            .expectError(WebhookRejectedException.class)
            .verify();
        assertThat(subscriptions.get()).isZero();
    }

    private DataBuffer buffer(String text) {
        return buffers.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
