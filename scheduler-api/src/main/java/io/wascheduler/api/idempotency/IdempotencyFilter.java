package io.wascheduler.api.idempotency;

import io.wascheduler.api.auth.TenantAttribute;
import io.wascheduler.api.problem.FieldError;
import io.wascheduler.api.problem.Problems;
import io.wascheduler.api.sender.TokenCipher;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on every POST of the API (tenants, senders, messages, bulk, retries, campaigns,
 * uploads, launches, campaign commands): the first request with a key runs once and its response is kept for
 * 24 h; the same key with the same request answers that response again; with another request (method, path,
 * query or body bytes differ) a 422 problem naming the header. While the first is still running a repeat is
 * answered 409. A first request that fails (4xx/5xx) frees the key, so it can be retried. The key is reserved
 * before the request runs and completed after its response: a crash in between leaves it reserved (409) until
 * it expires, never run twice. Kept responses are encrypted with the token-encryption key.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class IdempotencyFilter implements WebFilter {

    static final String HEADER = "Idempotency-Key";
    /** Marks a replayed response, so a client can tell it did not run again. */
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final int MAX_KEY_LENGTH = 255;
    /** The key space of the operator's {@code /admin} calls, which belong to no tenant. */
    static final String OPERATOR_SCOPE = "operator";
    /** Uploads are streamed (any size): their fingerprint is taken as they stream, never held whole. */
    private static final List<MediaType> STREAMED = List.of(MediaType.APPLICATION_NDJSON, MediaType.parseMediaType("text/csv"));

    private final IdempotentRequests requests;
    private final TokenCipher cipher;
    private final JsonMapper json;

    IdempotencyFilter(IdempotentRequests requests, TokenCipher cipher, JsonMapper json) {
        this.requests = requests;
        this.cipher = cipher;
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String key = request.getHeaders().getFirst(HEADER);
        String scope = scope(exchange);
        if (key == null || request.getMethod() != HttpMethod.POST || scope == null) {
            return chain.filter(exchange);
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            return problem(exchange, HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        return isStreamed(request) ? streamed(exchange, chain, scope, key) : buffered(exchange, chain, scope, key);
    }

    /** A JSON (or empty) body is read first, so its fingerprint is known before anything runs. */
    private Mono<Void> buffered(ServerWebExchange exchange, WebFilterChain chain, String scope, String key) {
        ServerHttpRequest request = exchange.getRequest();
        return DataBufferUtils.join(request.getBody())
            .map(joined -> {
                byte[] bytes = new byte[joined.readableByteCount()];
                joined.read(bytes);
                DataBufferUtils.release(joined);
                return bytes;
            })
            .defaultIfEmpty(new byte[0])
            .flatMap(body -> {
                RequestFingerprint fingerprint = new RequestFingerprint(request);
                fingerprint.add(body);
                byte[] hash = fingerprint.hash();
                ServerHttpRequest replayable = new ServerHttpRequestDecorator(request) {
                    @Override
                    public Flux<DataBuffer> getBody() {
                        return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
                    }
                };
                return requests.find(scope, key)
                    .map(stored -> (Mono<Void>) repeat(exchange, stored, hash))
                    .defaultIfEmpty(Mono.defer(() -> first(exchange.mutate().request(replayable).build(), chain, scope, key, hash, () -> hash)))
                    .flatMap(answer -> answer);
            });
    }

    /** An upload's fingerprint is taken while the handler streams it (first request) or while it is skipped (repeat). */
    private Mono<Void> streamed(ServerWebExchange exchange, WebFilterChain chain, String scope, String key) {
        ServerHttpRequest request = exchange.getRequest();
        RequestFingerprint fingerprint = new RequestFingerprint(request);
        return requests.find(scope, key)
            .map(stored -> stored.completed()
                ? request.getBody().doOnNext(buffer -> {
                        fingerprint.add(buffer);
                        DataBufferUtils.release(buffer);
                    })
                    .then(Mono.defer(() -> repeat(exchange, stored, fingerprint.hash())))
                : repeat(exchange, stored, null))
            .defaultIfEmpty(Mono.defer(() -> {
                ServerHttpRequest tapped = new ServerHttpRequestDecorator(request) {
                    @Override
                    public Flux<DataBuffer> getBody() {
                        return super.getBody().doOnNext(fingerprint::add);
                    }
                };
                return first(exchange.mutate().request(tapped).build(), chain, scope, key, null, fingerprint::hash);
            }))
            .flatMap(answer -> answer);
    }

    /** Runs the request under a reserved key, then keeps its response (2xx) or frees the key (anything else). */
    private Mono<Void> first(ServerWebExchange exchange, WebFilterChain chain, String scope, String key, byte[] knownHash,
                             Supplier<byte[]> finalHash) {
        return requests.reserve(scope, key, knownHash).flatMap(reserved -> {
            if (!reserved) {
                // a concurrent request with the key got there first; an upload's fingerprint is not known yet
                return knownHash == null ? inProgress(exchange) : requests.find(scope, key)
                    .flatMap(stored -> repeat(exchange, stored, knownHash))
                    .switchIfEmpty(Mono.defer(() -> inProgress(exchange)));
            }
            CapturedResponse captured = new CapturedResponse(exchange.getResponse(),
                response -> keep(scope, key, response, finalHash.get()));
            return chain.filter(exchange.mutate().response(captured).build())
                .then(Mono.defer(captured::handleOnce))
                .onErrorResume(failure -> requests.release(scope, key).then(Mono.error(failure)));
        });
    }

    private Mono<Void> keep(String scope, String key, CapturedResponse response, byte[] hash) {
        HttpStatusCode status = response.getStatusCode();
        if (status == null || !status.is2xxSuccessful()) {
            return requests.release(scope, key);
        }
        MediaType type = response.getHeaders().getContentType();
        // encrypted at rest: a response may carry a secret (a new tenant's API key, shown once)
        byte[] sealed = cipher.encrypt(new String(response.body(), StandardCharsets.UTF_8), scope + "/" + key);
        return requests.complete(scope, key, hash, status.value(), type == null ? null : type.toString(),
            response.getHeaders().getFirst(HttpHeaders.LOCATION), sealed);
    }

    /** A key seen before: the first response again, or why not. */
    private Mono<Void> repeat(ServerWebExchange exchange, IdempotentRequests.Stored stored, byte[] hash) {
        if (!stored.completed()) {
            return inProgress(exchange);
        }
        if (hash == null || !Arrays.equals(stored.requestHash(), hash)) {
            return problem(exchange, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
                "was used with a different request in the last " + IdempotentRequests.RETENTION.toHours() + " h");
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(stored.statusCode()));
        if (stored.contentType() != null) {
            response.getHeaders().setContentType(MediaType.parseMediaType(stored.contentType()));
        }
        if (stored.location() != null) {
            response.getHeaders().set(HttpHeaders.LOCATION, stored.location());
        }
        response.getHeaders().set(REPLAYED_HEADER, "true");
        byte[] body = cipher.decrypt(stored.body(), scope(exchange) + "/" + exchange.getRequest().getHeaders().getFirst(HEADER))
            .getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    private Mono<Void> inProgress(ServerWebExchange exchange) {
        return problem(exchange, HttpStatus.CONFLICT, "idempotency-key-in-progress", "Request in progress",
            "names a request that is still being processed; retry later");
    }

    /** A problem document whose {@code errors} name the header, like a field of the body. */
    private Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String type, String title, String message) {
        ProblemDetail problem = Problems.problem(status, type, title, HEADER + " " + message);
        problem.setProperty("errors", List.of(new FieldError(HEADER, message)));
        return Problems.write(exchange, problem, json);
    }

    private static boolean isStreamed(ServerHttpRequest request) {
        MediaType type = request.getHeaders().getContentType();
        return type != null && STREAMED.stream().anyMatch(streamed -> streamed.isCompatibleWith(type));
    }

    private static String scope(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.startsWith("/admin/")) {
            return OPERATOR_SCOPE;
        }
        return exchange.getAttribute(TenantAttribute.NAME);
    }
}
