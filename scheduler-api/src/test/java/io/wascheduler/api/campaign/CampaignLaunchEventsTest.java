package io.wascheduler.api.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.api.IntegrationTest;
import io.wascheduler.api.TestTenant;
import io.wascheduler.api.TopicRecords;
import io.wascheduler.model.content.TextContent;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.MessageCancelled;
import io.wascheduler.model.event.MessageScheduled;
import io.wascheduler.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * A launch page's MessageScheduled events travel through the outbox together (pages of 10 in tests); a command
 * on a launched message, issued right after the launch answers, still reaches Kafka after that message's
 * MessageScheduled.
 */
class CampaignLaunchEventsTest extends IntegrationTest {

    private static final int RECIPIENTS = 25;

    @Test
    void messagesCancelledOrEditedRightAfterTheLaunchAreAnnouncedScheduledFirst() {
        TestTenant tenant = newTenant();
        List<String> numbers = IntStream.range(0, RECIPIENTS).mapToObj(i -> "+1415501" + (1000 + i)).toList();
        String campaignId = draft(tenant, "Hello {{name}}",
            numbers.stream().collect(Collectors.toMap(number -> number, number -> number)));

        tenant.post("/v1/campaigns/" + campaignId + "/launch", Map.of()).expectStatus().isOk();
        List<Map<String, Object>> items = (List<Map<String, Object>>) tenant.get("/v1/campaigns/" + campaignId + "/messages?limit=100")
            .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("items");
        String cancelled = (String) items.getFirst().get("id");
        String edited = (String) items.getLast().get("id");
        web.delete().uri("/v1/messages/" + cancelled).header("Authorization", "Bearer " + tenant.apiKey()).exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
        web.patch().uri("/v1/messages/" + edited).header("Authorization", "Bearer " + tenant.apiKey())
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("content", Map.of("type", "text", "text", "Edited")))
            .exchange().expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2);

        List<MessageScheduled> launched = TopicRecords.awaitRecords(broker, Topics.MESSAGE_COMMANDS,
                record -> new String(record.value()).contains(campaignId), RECIPIENTS + 2).stream()
            .map(record -> TopicRecords.decode(record).payload())
            .filter(payload -> payload instanceof MessageScheduled scheduled && scheduled.version() == 1)
            .map(MessageScheduled.class::cast).toList();
        assertThat(launched).extracting(MessageScheduled::to).containsExactlyInAnyOrderElementsOf(numbers);
        assertThat(launched).filteredOn(scheduled -> scheduled.to().equals("+14155011000"))
            .singleElement().satisfies(scheduled -> assertThat(scheduled.content().toString()).contains("Hello +14155011000"));
        assertThat(eventsOf(cancelled)).extracting(event -> (Object) event.payload().getClass())
            .containsExactly(MessageScheduled.class, MessageCancelled.class);
        assertThat(eventsOf(edited)).extracting(event -> ((MessageScheduled) event.payload()).version()).containsExactly(1L, 2L);
    }

    @Test
    void textOutsideAsciiReachesKafkaAsItWasUploaded() {
        TestTenant tenant = newTenant();
        Map<String, String> names = Map.of("+14155012001", "José", "+14155012002", "Zoë 🎉", "+14155012003", "李雷");
        String campaignId = draft(tenant, "Hola {{name}}", names);

        tenant.post("/v1/campaigns/" + campaignId + "/launch", Map.of()).expectStatus().isOk();

        List<MessageScheduled> launched = TopicRecords.awaitRecords(broker, Topics.MESSAGE_COMMANDS,
                record -> new String(record.value(), StandardCharsets.UTF_8).contains(campaignId), names.size())
            .stream().map(record -> (MessageScheduled) TopicRecords.decode(record).payload()).toList();
        assertThat(launched.stream().collect(Collectors.toMap(MessageScheduled::to, MessageScheduled::content)))
            .isEqualTo(names.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> new TextContent("Hola " + entry.getValue(), false))));
    }

    /** A DRAFT campaign of {@code text} with one uploaded recipient per number, its {@code name} var as given. */
    private static String draft(TestTenant tenant, String text, Map<String, String> nameByNumber) {
        String campaignId = (String) tenant.post("/v1/campaigns", Map.of("name", "Launch events", "from", tenant.sender(),
                "content", Map.of("type", "text", "text", text)))
            .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        tenant.upload("/v1/campaigns/" + campaignId + "/recipients", nameByNumber.entrySet().stream()
                .map(entry -> "{\"to\":\"" + entry.getKey() + "\",\"vars\":{\"name\":\"" + entry.getValue() + "\"}}")
                .collect(Collectors.joining("\n")))
            .expectStatus().isOk();
        return campaignId;
    }

    private List<EventEnvelope> eventsOf(String messageId) {
        return TopicRecords.awaitRecords(broker, Topics.MESSAGE_COMMANDS, record -> messageId.equals(record.key()), 2)
            .stream().map(TopicRecords::decode).toList();
    }
}
