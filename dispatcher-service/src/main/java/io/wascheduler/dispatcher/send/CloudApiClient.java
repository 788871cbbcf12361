package io.wascheduler.dispatcher.send;

import io.netty.channel.ChannelOption;
import jakarta.annotation.PreDestroy;
import io.wascheduler.dispatcher.DispatcherProperties;
import io.wascheduler.dispatcher.errors.MetaErrorTable;
import io.wascheduler.dispatcher.sender.SenderCredentials;
import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.event.MessageScheduled;
import io.wascheduler.model.event.MetaError;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Non-blocking POST of one message to {@code {base}/{version}/{phoneNumberId}/messages}. Every ending is a
 * {@link SendResult}: a response without Meta's error object, a timeout or a broken connection becomes
 * {@link MetaErrorTable#TRANSPORT_FAILURE}, so the caller classifies by code alone.
 */
@Component
class CloudApiClient {

    private static final Duration IDLE_CONNECTION_KEPT = Duration.ofSeconds(30);

    private final ConnectionProvider connections;
    private final WebClient webClient;
    private final String version;
    private final Duration timeout;

    /** Boot's builder when the WebClient auto-configuration is present (Boot 4 moved it to its own module). */
    CloudApiClient(ObjectProvider<WebClient.Builder> builders, DispatcherProperties properties) {
        WebClient.Builder builder = builders.getIfAvailable(WebClient::builder);
        this.timeout = properties.sending().requestTimeout();
        // reactor-netty's shared pool allows max(2 × cores, 16) connections: at 150 ms per answer that is about
        // 100 requests a second. HTTP/1.1 carries one request per connection, so the pool matches max-in-flight.
        this.connections = ConnectionProvider.builder("cloud-api")
            .maxConnections(properties.sending().maxInFlight())
            .pendingAcquireTimeout(timeout)
            .maxIdleTime(IDLE_CONNECTION_KEPT)
            .build();
        HttpClient httpClient = HttpClient.create(connections)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), Integer.MAX_VALUE))
            .responseTimeout(timeout);
        this.webClient = builder.clone()
            .baseUrl(properties.cloudApiBaseUrl().toString())
            .clientConnector(new ReactorClientHttpConnector(httpClient))
            .build();
        this.version = properties.cloudApiVersion();
    }

    @PreDestroy
    void close() {
        connections.dispose();
    }

    Mono<SendResult> send(SenderCredentials sender, MessageScheduled message) {
        return webClient.post()
            .uri("/{version}/{phoneNumberId}/messages", version, sender.phoneNumberId())
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + sender.accessToken())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(EventCodec.mapper().writeValueAsString(CloudApiRequests.body(message)))
            .exchangeToMono(CloudApiClient::read)
            .timeout(timeout.plusMillis(100))
            .onErrorResume(error -> Mono.just(transportFailure(error.getClass().getSimpleName())));
    }

    private static Mono<SendResult> read(ClientResponse response) {
        int status = response.statusCode().value();
        return response.bodyToMono(String.class).defaultIfEmpty("").map(body -> interpret(status, body));
    }

    static SendResult interpret(int status, String body) {
        JsonNode json;
        try {
            json = body.isBlank() ? EventCodec.mapper().missingNode() : EventCodec.mapper().readTree(body);
        } catch (JacksonException e) {
            return transportFailure("HTTP " + status + " with a body that is not JSON");
        }
        JsonNode error = json.path("error");
        if (error.path("code").isNumber()) {
            int code = error.path("code").asInt();
            return new SendResult.Rejected(new MetaError(code, title(code, error.path("message").asString("")),
                error.path("error_data").path("details").asString(null)));
        }
        String wamid = json.path("messages").path(0).path("id").asString(null);
        if (status / 100 == 2 && wamid != null) {
            return new SendResult.Accepted(wamid);
        }
        return transportFailure("HTTP " + status + " without a Meta error");
    }

    /** Meta writes "(#131056) (Business Account, Consumer Account) pair rate limit hit"; the title is after the code. */
    private static String title(int code, String message) {
        String prefix = "(#" + code + ") ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static SendResult transportFailure(String what) {
        return new SendResult.Rejected(new MetaError(MetaErrorTable.TRANSPORT_FAILURE, "Transport failure", what));
    }
}
