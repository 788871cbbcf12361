package io.wascheduler.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook endpoint for tests: records every POST byte for byte with its headers, and answers 200 unless told
 * to answer something else for the next POSTs.
 */
final class WebhookReceiver implements AutoCloseable {

    record Delivery(byte[] body, String signature, String contentType, int answeredWith) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final Deque<Integer> nextAnswers = new ConcurrentLinkedDeque<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
        server.createContext("/webhooks/whatsapp", this::receive);
        server.setExecutor(threads);
        server.start();
    }

    static WebhookReceiver start() {
        try {
            return new WebhookReceiver(HttpServer.create(new InetSocketAddress("localhost", 0), 0));
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot open a local port", e);
        }
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/webhooks/whatsapp";
    }

    void answerNext(int... statuses) {
        for (int status : statuses) {
            nextAnswers.addLast(status);
        }
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Every status received for this wamid, in arrival order, duplicates included. */
    List<JsonNode> statusesOf(String wamid) {
        return deliveries.stream().filter(d -> d.answeredWith() == 200).flatMap(d -> statuses(d).stream())
                .filter(status -> status.path("id").stringValue().equals(wamid)).toList();
    }

    static List<JsonNode> statuses(Delivery delivery) {
        JsonNode body = JSON.readTree(delivery.body());
        return body.path("entry").valueStream().flatMap(entry -> entry.path("changes").valueStream())
                .flatMap(change -> change.path("value").path("statuses").valueStream()).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            Integer scripted = nextAnswers.pollFirst();
            int answer = scripted == null ? 200 : scripted;
            deliveries.add(new Delivery(body, exchange.getRequestHeaders().getFirst("X-Hub-Signature-256"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), answer));
            exchange.sendResponseHeaders(answer, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
