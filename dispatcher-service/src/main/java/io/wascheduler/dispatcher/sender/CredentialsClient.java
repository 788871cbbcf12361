package io.wascheduler.dispatcher.sender;

import io.wascheduler.dispatcher.DispatcherProperties;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Fetches a sender's access token from scheduler-api's internal endpoint and caches it for a while, so a
 * sender costs one call per TTL rather than one per message. Failures are not cached.
 */
@Component
public class CredentialsClient {

    private final WebClient webClient;
    private final Duration ttl;
    private final Duration timeout;
    private final Map<String, Mono<SenderCredentials>> cache = new ConcurrentHashMap<>();

    /** Boot's builder when the WebClient auto-configuration is present (Boot 4 moved it to its own module). */
    CredentialsClient(ObjectProvider<WebClient.Builder> builders, DispatcherProperties properties) {
        WebClient.Builder builder = builders.getIfAvailable(WebClient::builder);
        this.webClient = builder.clone()
            .baseUrl(properties.schedulerApiBaseUrl().toString())
            .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.internalToken())
            .build();
        this.ttl = properties.sending().credentialsTtl();
        this.timeout = properties.sending().requestTimeout();
    }

    public Mono<SenderCredentials> credentialsOf(String phoneNumberId) {
        return cache.computeIfAbsent(phoneNumberId, id -> fetch(id)
            .cache(credentials -> ttl, error -> Duration.ZERO, () -> Duration.ZERO));
    }

    /** Forget a token Meta rejected, so the next send fetches the replacement. */
    public void invalidate(String phoneNumberId) {
        cache.remove(phoneNumberId);
    }

    private Mono<SenderCredentials> fetch(String phoneNumberId) {
        return webClient.get()
            .uri("/internal/v1/senders/{phoneNumberId}", phoneNumberId)
            .retrieve()
            .bodyToMono(SenderCredentials.class)
            .timeout(timeout);
    }
}
