package io.wascheduler.sandbox.send;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * The Cloud API send endpoint, {@code POST /{version}/{phoneNumberId}/messages}, served by Reactor Netty ahead of
 * Spring WebFlux: a benchmark pushes thousands of sends a second through the sandbox, and WebFlux's dispatch,
 * argument resolution and content negotiation cost several times the send itself. Every other path goes on to
 * WebFlux. The body is taken raw, whatever its content type, so that every malformed request gets Meta's answer.
 */
@Component
class SendRoute implements NettyRouteProvider {

    /** {@code /v23.0/<phone number id>/messages}, before any query string. */
    private static final Pattern SEND_PATH = Pattern.compile("/v\\d+\\.\\d+/([^/]+)/messages");
    private static final byte[] NO_BODY = new byte[0];

    private final SendService sends;
    private final JsonMapper json;

    SendRoute(SendService sends, JsonMapper json) {
        this.sends = sends;
        this.json = json;
    }

    @Override
    public HttpServerRoutes apply(HttpServerRoutes routes) {
        return routes.route(request -> phoneNumberIdOf(request) != null, this::send);
    }

    private Mono<Void> send(HttpServerRequest request, HttpServerResponse response) {
        String phoneNumberId = phoneNumberIdOf(request);
        String authorization = request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION);
        return request.receive().aggregate().asByteArray().defaultIfEmpty(NO_BODY).flatMap(body -> {
            SendReply reply = sends.send(phoneNumberId, authorization, body);
            return reply.hold().isZero() ? answer(response, reply)
                    : Mono.delay(reply.hold()).then(Mono.defer(() -> answer(response, reply)));
        });
    }

    private Mono<Void> answer(HttpServerResponse response, SendReply reply) {
        byte[] body = json.writeValueAsBytes(reply.body());
        return response.status(reply.httpStatus())
                .header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length))
                .sendByteArray(Mono.just(body)).then();
    }

    /** The number a send request is for, decoded as Spring decodes a path variable; null for any other request. */
    private static String phoneNumberIdOf(HttpServerRequest request) {
        if (!HttpMethod.POST.equals(request.method())) {
            return null;
        }
        String uri = request.uri();
        int query = uri.indexOf('?');
        Matcher path = SEND_PATH.matcher(query < 0 ? uri : uri.substring(0, query));
        if (!path.matches()) {
            return null;
        }
        try {
            return UriUtils.decode(path.group(1), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException malformedEscape) {
            return null;
        }
    }
}
