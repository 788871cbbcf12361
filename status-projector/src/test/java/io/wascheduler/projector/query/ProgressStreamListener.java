package io.wascheduler.projector.query;

import io.wascheduler.projector.campaign.ProgressReport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Follows a campaign's progress stream in the background: what it has received so far, and whether it ended. */
record ProgressStreamListener(List<ProgressReport> received, CompletableFuture<Void> ended) {

    static ProgressStreamListener follow(WebTestClient client, String campaignId, Duration patience) {
        List<ProgressReport> received = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> ended = client.mutate().responseTimeout(patience).build()
            .get().uri("/internal/v1/campaigns/{id}/progress/stream", campaignId)
            .accept(MediaType.TEXT_EVENT_STREAM)
            .exchange()
            .expectStatus().isOk()
            .returnResult(new ParameterizedTypeReference<ServerSentEvent<ProgressReport>>() { })
            .getResponseBody()
            .doOnNext(event -> received.add(event.data()))
            .then()
            .toFuture();
        return new ProgressStreamListener(received, ended);
    }
}
