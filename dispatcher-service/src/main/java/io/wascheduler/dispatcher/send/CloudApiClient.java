package io.wascheduler.dispatcher.send;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.wascheduler.dispatcher.DispatcherProperties;
import io.wascheduler.dispatcher.errors.MetaErrorTable;
import io.wascheduler.dispatcher.sender.SenderCredentials;
import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.event.MessageScheduled;
import io.wascheduler.model.event.MetaError;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import io.netty.handler.timeout.ReadTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Non-blocking POST of one message to {@code {base}/{version}/{phoneNumberId}/messages}. Every ending is a
 * {@link SendResult}: a response without Meta's error object, a timeout or a broken connection becomes
 * {@link MetaErrorTable#TRANSPORT_FAILURE}, so the caller classifies by code alone.
 *
 * <p>Why reactor-netty's client directly rather than a WebClient: this is the one request the service makes
 * thousands of times a second, and WebClient's codecs, header maps and observations cost more CPU than the
 * request itself on a small machine; the body is encoded once to bytes and the answer read as one string.
 */
@Component
class CloudApiClient {

    private static final Duration IDLE_CONNECTION_KEPT = Duration.ofSeconds(30);

    private final ConnectionProvider connections;
    private final HttpClient httpClient;
    private final String version;
    private final Duration timeout;

    CloudApiClient(DispatcherProperties properties) {
        this.timeout = properties.sending().requestTimeout();
        // reactor-netty's shared pool allows max(2 × cores, 16) connections: at 150 ms per answer that is about
        // 100 requests a second. HTTP/1.1 carries one request per connection, so the pool matches max-in-flight.
        this.connections = ConnectionProvider.builder("cloud-api")
            .maxConnections(properties.sending().maxInFlight())
            .pendingAcquireTimeout(timeout)
            .maxIdleTime(IDLE_CONNECTION_KEPT)
            .build();
        this.httpClient = HttpClient.create(connections)
            .baseUrl(properties.cloudApiBaseUrl().toString())
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), Integer.MAX_VALUE))
            .responseTimeout(timeout);
        this.version = properties.cloudApiVersion();
    }

    @PreDestroy
    void close() {
        connections.dispose();
    }

    Mono<SendResult> send(SenderCredentials sender, MessageScheduled message) {
        byte[] body = EventCodec.mapper().writeValueAsBytes(CloudApiRequests.body(message));
        return httpClient
            .headers(headers -> headers
                .set(HttpHeaderNames.AUTHORIZATION, "Bearer " + sender.accessToken())
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON))
            .post()
            .uri("/" + version + "/" + sender.phoneNumberId() + "/messages")
            .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
            .responseSingle((response, answer) -> answer.asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                .map(text -> interpret(response.status().code(), text)))
            .timeout(timeout.plusMillis(100))
            .onErrorResume(error -> Mono.just(unanswered(error) ? answerLost(error.getClass().getSimpleName())
                : transportFailure(error.getClass().getSimpleName())));
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

    /** The request was written and no answer came: unlike a refused connection, Meta may have taken it. */
    private static boolean unanswered(Throwable error) {
        return error instanceof ReadTimeoutException || error instanceof TimeoutException
            || error instanceof PrematureCloseException;
    }

    private static SendResult answerLost(String what) {
        return new SendResult.Rejected(new MetaError(MetaErrorTable.ANSWER_LOST, "No answer", what));
    }

    private static SendResult transportFailure(String what) {
        return new SendResult.Rejected(new MetaError(MetaErrorTable.TRANSPORT_FAILURE, "Transport failure", what));
    }
}
