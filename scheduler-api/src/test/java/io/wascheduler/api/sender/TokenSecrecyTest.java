package io.wascheduler.api.sender;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.api.IntegrationTest;
import io.wascheduler.api.TestTenant;
import io.wascheduler.api.TopicRecords;
import io.wascheduler.model.topic.TopicSpec;
import io.wascheduler.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A sender's access token appears in no record of any topic scheduler-api writes, and in no /v1 response. */
class TokenSecrecyTest extends IntegrationTest {

    @Test
    void theAccessTokenIsInNoTopicRecordAndNoApiResponse() {
        TestTenant tenant = newTenant();
        String token = tenant.tokenOf(tenant.sender());
        String message = tenant.post("/v1/messages", Map.of("from", tenant.sender(), "to", "+14155550123",
                "content", Map.of("type", "text", "text", "Hello")))
            .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        String messageId = message.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        // a campaign too, so that every topic checked below holds a record of this tenant's, whatever ran before
        String campaign = tenant.post("/v1/campaigns", Map.of("name", "Secrecy", "from", tenant.sender(),
                "content", Map.of("type", "text", "text", "Hello"), "recipients", List.of(Map.of("to", "+14155550124"))))
            .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        String campaignId = campaign.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        assertThat(message).doesNotContain(token);
        assertThat(tenant.get("/v1/senders").expectBody(String.class).returnResult().getResponseBody()).doesNotContain(token);

        TopicRecords.awaitRecords(broker, Topics.MESSAGE_COMMANDS, r -> messageId.equals(r.key()), 1);
        TopicRecords.awaitRecords(broker, Topics.CAMPAIGN_EVENTS, r -> campaignId.equals(r.key()), 1);
        for (TopicSpec topic : new TopicSpec[] {Topics.MESSAGE_COMMANDS, Topics.CAMPAIGN_EVENTS, Topics.SENDER_CONFIG}) {
            assertThat(TopicRecords.awaitRecords(broker, topic, r -> true, 1))
                .allSatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8)).doesNotContain(token));
        }
    }
}
