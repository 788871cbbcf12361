package io.wascheduler.api.idempotency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** SHA-256 over the method, the path with its query and the body's bytes, fed as the body goes by. */
final class RequestFingerprint {

    private final MessageDigest digest;

    RequestFingerprint(ServerHttpRequest request) {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
        String target = request.getMethod().name() + " " + request.getURI().getRawPath()
            + (request.getURI().getRawQuery() == null ? "" : "?" + request.getURI().getRawQuery()) + "\n";
        digest.update(target.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds the buffer's readable bytes without consuming them. */
    void add(DataBuffer buffer) {
        try (DataBuffer.ByteBufferIterator buffers = buffer.readableByteBuffers()) {
            while (buffers.hasNext()) {
                ByteBuffer next = buffers.next();
                digest.update(next);
            }
        }
    }

    void add(byte[] bytes) {
        digest.update(bytes);
    }

    byte[] hash() {
        return digest.digest();
    }
}
