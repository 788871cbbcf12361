package io.wascheduler.webhook.webhook;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a request body into bytes, untouched by any codec (the signature covers the exact bytes), and
 * stops as soon as it grows past the limit, so an oversized body is never buffered whole.
 */
final class BoundedBodyReader {

    static final String BODY = "body";

    private final int maxBytes;

    BoundedBodyReader(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** @param declaredLength the Content-Length, or -1 when the body is chunked */
    Mono<byte[]> read(long declaredLength, Flux<DataBuffer> body) {
        if (declaredLength > maxBytes) {
            return Mono.error(tooLarge());
        }
        return DataBufferUtils.join(body, maxBytes)
            .map(BoundedBodyReader::toBytes)
            .defaultIfEmpty(new byte[0])
            .onErrorMap(DataBufferLimitException.class, e -> tooLarge());
    }

    private static byte[] toBytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private WebhookRejectedException tooLarge() {
        return new WebhookRejectedException(HttpStatus.CONTENT_TOO_LARGE, BODY,
            "the body exceeds the limit of " + maxBytes + " bytes");
    }
}
