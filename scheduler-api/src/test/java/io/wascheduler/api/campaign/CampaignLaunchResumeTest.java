package io.wascheduler.api.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.api.IntegrationTest;
import io.wascheduler.api.TestTenant;
import io.wascheduler.api.TopicRecords;
import io.wascheduler.model.event.MessageScheduled;
import io.wascheduler.model.topic.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;

/** A launch commits page by page (10 recipients per page in tests) and is resumed where it stopped. */
class CampaignLaunchResumeTest extends IntegrationTest {

    private static final int RECIPIENTS = 25;

    @Autowired
    private CampaignLaunch launch;

    @Autowired
    private LaunchResumer resumer;

    @Test
    void aLaunchInterruptedAfterItsFirstPageIsCompletedExactlyOnceWhenResumed() {
        TestTenant tenant = newTenant();
        String campaignId = draft(tenant);
        List<String> numbers = IntStream.range(0, RECIPIENTS).mapToObj(i -> "+1415500" + (1000 + i)).toList();
        tenant.upload("/v1/campaigns/" + campaignId + "/recipients",
                numbers.stream().map(n -> "{\"to\":\"" + n + "\",\"vars\":{\"name\":\"" + n + "\"}}").collect(Collectors.joining("\n")))
            .expectStatus().isOk().expectBody().jsonPath("$.accepted").isEqualTo(RECIPIENTS);

        // the instance stops after committing the first page
        launch.begin(tenant.id(), campaignId).flatMap(draft -> launch.scheduleNextPage(tenant.id(), campaignId, draft, 0))
            .block(Duration.ofSeconds(30));
        tenant.get("/v1/campaigns/" + campaignId).expectStatus().isOk().expectBody()
            .jsonPath("$.status").isEqualTo("LAUNCHING").jsonPath("$.total").isEqualTo(RECIPIENTS)
            .jsonPath("$.progress.pending").isEqualTo(10);
        tenant.upload("/v1/campaigns/" + campaignId + "/recipients", "{\"to\":\"+14155009999\"}").expectStatus().isEqualTo(409);

        // the next start resumes it while the client retries the launch; the retry finishes it with the resumer,
        // or, when the resumer was quicker, finds it launched already
        Mono<Void> restart = resumer.resumeInterrupted().cache();
        restart.subscribe();
        tenant.post("/v1/campaigns/" + campaignId + "/launch", Map.of()).expectStatus()
            .value(status -> assertThat(status).isIn(200, 409));
        restart.block(Duration.ofSeconds(30));
        tenant.get("/v1/campaigns/" + campaignId).expectStatus().isOk().expectBody()
            .jsonPath("$.status").isEqualTo("SCHEDULED").jsonPath("$.total").isEqualTo(RECIPIENTS)
            .jsonPath("$.progress.pending").isEqualTo(RECIPIENTS);

        tenant.get("/v1/campaigns/" + campaignId + "/messages?limit=100").expectStatus().isOk().expectBody()
            .jsonPath("$.items.length()").isEqualTo(RECIPIENTS);
        List<MessageScheduled> announced = TopicRecords.awaitRecords(broker, Topics.MESSAGE_COMMANDS,
                r -> new String(r.value()).contains(campaignId), RECIPIENTS)
            .stream().map(r -> (MessageScheduled) TopicRecords.decode(r).payload()).toList();
        assertThat(announced).extracting(MessageScheduled::to).containsExactlyInAnyOrderElementsOf(numbers);
        assertThat(announced).extracting(MessageScheduled::messageId).doesNotHaveDuplicates();
        tenant.post("/v1/campaigns/" + campaignId + "/launch", Map.of()).expectStatus().isEqualTo(409);
    }

    @Test
    void aMessageScheduledByALaunchShowsItsFirstScheduledEntryInItsHistory() {
        TestTenant tenant = newTenant();
        String campaignId = draft(tenant);
        tenant.upload("/v1/campaigns/" + campaignId + "/recipients", "{\"to\":\"+14155001500\",\"vars\":{\"name\":\"Ann\"}}")
            .expectStatus().isOk();
        tenant.post("/v1/campaigns/" + campaignId + "/launch", Map.of()).expectStatus().isOk();
        String messageId = (String) ((List<Map<String, Object>>) tenant.get("/v1/campaigns/" + campaignId + "/messages")
            .expectBody(Map.class).returnResult().getResponseBody().get("items")).getFirst().get("id");

        tenant.get("/v1/messages/" + messageId).expectStatus().isOk().expectBody()
            .jsonPath("$.content.text").isEqualTo("Hello Ann")
            .jsonPath("$.history.length()").isEqualTo(1)
            .jsonPath("$.history[0].status").isEqualTo("SCHEDULED")
            .jsonPath("$.history[0].version").isEqualTo(1);
    }

    private static String draft(TestTenant tenant) {
        return (String) tenant.post("/v1/campaigns", Map.of("name", "Resumable", "from", tenant.sender(),
                "content", Map.of("type", "text", "text", "Hello {{name}}")))
            .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }
}
