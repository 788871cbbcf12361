package io.wascheduler.sandbox.send;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Cloud API send endpoint. The body is taken raw, whatever its content type, so that every malformed request
 * gets Meta's answer rather than Spring's.
 */
@RestController
class SendController {

    private final SendService sends;

    SendController(SendService sends) {
        this.sends = sends;
    }

    @PostMapping("/{version:v\\d+\\.\\d+}/{phoneNumberId}/messages")
    Mono<ResponseEntity<Object>> send(@PathVariable String phoneNumberId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            ServerHttpRequest request) {
        return DataBufferUtils.join(request.getBody()).map(SendController::bytes).defaultIfEmpty(new byte[0])
                .flatMap(body -> sends.send(phoneNumberId, authorization, body))
                .map(reply -> ResponseEntity.status(reply.httpStatus()).contentType(MediaType.APPLICATION_JSON)
                        .body(reply.body()));
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        }
        finally {
            DataBufferUtils.release(buffer);
        }
    }
}
