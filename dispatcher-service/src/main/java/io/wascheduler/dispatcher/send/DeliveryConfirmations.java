package io.wascheduler.dispatcher.send;

import io.wascheduler.dispatcher.DispatcherProperties;
import io.wascheduler.model.event.EventCodec;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;

/**
 * Asks the status-projector whether Meta's webhooks have shown a message version with a wamid, i.e. whether
 * Meta took it. Only used after an attempt whose answer was lost, so it is a rare request; any doubt (the
 * projector unreachable, the message unknown, another version) answers "not known", and the message is sent
 * again as it would have been without the check.
 */
@Component
class DeliveryConfirmations {

    private static final Logger log = LoggerFactory.getLogger(DeliveryConfirmations.class);
    private static final int MAX_CONNECTIONS = 16;

    private final ConnectionProvider connections;
    private final HttpClient httpClient;
    private final Duration timeout;

    DeliveryConfirmations(DispatcherProperties properties) {
        this.timeout = properties.sending().requestTimeout();
        this.connections = ConnectionProvider.builder("status-projector").maxConnections(MAX_CONNECTIONS).build();
        this.httpClient = HttpClient.create(connections).baseUrl(properties.projectorBaseUrl().toString())
            .responseTimeout(timeout);
    }

    @PreDestroy
    void close() {
        connections.dispose();
    }

    /** The wamid Meta gave this version of the message, as its webhooks reported it; empty when not known. */
    Mono<String> wamidOf(String messageId, long version) {
        return httpClient.get().uri("/internal/v1/messages/" + messageId)
            .responseSingle((response, body) -> response.status().code() == 200
                ? body.asString(StandardCharsets.UTF_8) : Mono.empty())
            .timeout(timeout.plusMillis(100))
            .flatMap(answer -> Mono.justOrEmpty(wamidOfVersion(answer, version)))
            .onErrorResume(error -> {
                log.debug("Could not ask the status-projector about {}: {}", messageId, error.toString());
                return Mono.empty();
            });
    }

    static String wamidOfVersion(String answer, long version) {
        JsonNode message = EventCodec.mapper().readTree(answer);
        return message.path("version").asLong(-1) == version ? message.path("wamid").asString(null) : null;
    }
}
