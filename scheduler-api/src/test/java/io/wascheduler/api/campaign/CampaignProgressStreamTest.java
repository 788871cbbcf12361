package io.wascheduler.api.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.api.IntegrationTest;
import io.wascheduler.api.TestTenant;
import io.wascheduler.api.TopicRecords;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.MessageDispatchFailed;
import io.wascheduler.model.event.MetaError;
import io.wascheduler.model.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** With the projector unreachable, the progress stream follows PostgreSQL and ends when the campaign completes. */
class CampaignProgressStreamTest extends IntegrationTest {

    private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT = new ParameterizedTypeReference<>() {
    };

    @Test
    void theStreamSendsAProgressEventOnEachChangeAndAFinalOneWhenComplete() {
        TestTenant tenant = newTenant();
        String campaignId = (String) tenant.post("/v1/campaigns", Map.of("name", "Stream", "from", tenant.sender(),
                "content", Map.of("type", "text", "text", "Hi"), "recipients", List.of(Map.of("to", "+14155550123"))))
            .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        String messageId = (String) ((Map<?, ?>) ((List<?>) tenant.get("/v1/campaigns/" + campaignId + "/messages")
            .expectBody(Map.class).returnResult().getResponseBody().get("items")).getFirst()).get("id");

        Flux<ServerSentEvent<Map<String, Object>>> events = web.mutate().responseTimeout(Duration.ofSeconds(30)).build()
            .get().uri("/v1/campaigns/" + campaignId + "/progress/stream")
            .header("Authorization", "Bearer " + tenant.apiKey()).accept(MediaType.TEXT_EVENT_STREAM)
            .exchange().expectStatus().isOk().returnResult(EVENT).getResponseBody();

        StepVerifier.create(events)
            .assertNext(event -> {
                assertThat(event.event()).isEqualTo("progress");
                assertThat(event.data()).containsEntry("pending", 1).containsEntry("source", "postgres");
            })
            .then(() -> TopicRecords.publish(broker, Topics.MESSAGE_OUTCOMES, EventEnvelope.of(tenant.id(),
                new MessageDispatchFailed(messageId, 1, campaignId, tenant.sender(), 1,
                    new MetaError(131026, "Message undeliverable", "x"), true, null, Instant.now()), Clock.systemUTC())))
            .assertNext(event -> assertThat(event.data()).containsEntry("pending", 0).containsEntry("failed", 1)
                .containsEntry("percentComplete", 100.0))
            .expectComplete()
            .verify(Duration.ofSeconds(30));
    }
}
