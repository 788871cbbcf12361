package io.wascheduler.dispatcher.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for scheduler-api's internal credentials endpoint, an outside service to the dispatcher:
 * {@code GET /internal/v1/senders/{id}} with the internal bearer token answers the sender's access token.
 */
public final class FakeSchedulerApi implements AutoCloseable {

    private final HttpServer server;
    private final String internalToken;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public FakeSchedulerApi(String internalToken) throws IOException {
        this.internalToken = internalToken;
        this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/internal/v1/senders/", this::answer);
        server.start();
    }

    public void sender(String phoneNumberId, String accessToken) {
        tokens.put(phoneNumberId, accessToken);
    }

    public String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/internal/v1/senders/".length());
        String token = tokens.get(id);
        if (!("Bearer " + internalToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{}");
        } else if (token == null) {
            respond(exchange, 404, "{}");
        } else {
            respond(exchange, 200, """
                {"phoneNumberId":"%s","accessToken":"%s","throughputMps":80,"status":"ACTIVE"}"""
                .formatted(id, token));
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
