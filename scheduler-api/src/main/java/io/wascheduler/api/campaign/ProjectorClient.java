package io.wascheduler.api.campaign;

import io.wascheduler.api.ApiProperties;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads a campaign's live counters from the status-projector; empty when it has none or cannot be reached. */
@Component
class ProjectorClient {

    private static final Logger log = LoggerFactory.getLogger(ProjectorClient.class);

    /** The projector's answer, as the shared brief defines it. */
    record ProjectorProgress(
        String campaignId, long total, long pending, long sending, long sent, long delivered, long read, long failed,
        long cancelled, Double percentComplete, Double sendRatePerSecond, Instant estimatedCompletionAt, Instant updatedAt) {

        Progress toProgress() {
            double percent = percentComplete != null ? percentComplete : Progress.percentComplete(total, pending + sending);
            return new Progress(total, pending, sending, sent, delivered, read, failed, cancelled, percent,
                sendRatePerSecond, estimatedCompletionAt, updatedAt, Progress.FROM_PROJECTOR);
        }
    }

    private final WebClient client;
    private final ApiProperties properties;

    ProjectorClient(ApiProperties properties) {
        this.properties = properties;
        this.client = WebClient.builder().baseUrl(properties.projectorBaseUrl().toString())
            .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.internalToken())
            .build();
    }

    /** The projector's live stream of a campaign's progress; errors when it cannot be reached or knows nothing. */
    Flux<Progress> progressStream(String campaignId) {
        return client.get().uri("/internal/v1/campaigns/{id}/progress/stream", campaignId)
            .accept(MediaType.TEXT_EVENT_STREAM)
            .retrieve()
            .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<ProjectorProgress>>() {
            })
            .mapNotNull(ServerSentEvent::data)
            .map(ProjectorProgress::toProgress);
    }

    Mono<Progress> progress(String campaignId) {
        return client.get().uri("/internal/v1/campaigns/{id}/progress", campaignId)
            .retrieve()
            .bodyToMono(ProjectorProgress.class)
            .map(ProjectorProgress::toProgress)
            .timeout(properties.projectorTimeout())
            .onErrorResume(WebClientResponseException.NotFound.class, e -> Mono.empty())
            .onErrorResume(e -> {
                log.debug("Projector unavailable for campaign {}: {}", campaignId, e.toString());
                return Mono.empty();
            });
    }
}
