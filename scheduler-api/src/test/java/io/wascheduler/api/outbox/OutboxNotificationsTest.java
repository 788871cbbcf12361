package io.wascheduler.api.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.api.IntegrationTest;
import io.wascheduler.api.TestTenant;
import io.wascheduler.api.TopicRecords;
import io.wascheduler.model.event.MessageScheduled;
import io.wascheduler.model.topic.Topics;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The suite's relay polls every {@value IntegrationTest#OUTBOX_POLL_OUT_OF_REACH}: only a notification can wake it in time. */
class OutboxNotificationsTest extends IntegrationTest {

    @Autowired
    private OutboxProperties outbox;

    @Test
    void messagesAcceptedOneAfterAnotherReachKafkaWithoutWaitingForTheRelaysPoll() {
        assertThat(outbox.pollInterval()).isGreaterThan(Duration.ofMinutes(5));
        TestTenant tenant = newTenant();
        for (int i = 0; i < 3; i++) {
            String id = (String) tenant.post("/v1/messages", Map.of("from", tenant.sender(), "to", "+14155550123",
                    "content", Map.of("type", "text", "text", "Hello " + i)))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");

            var relayed = TopicRecords.awaitRecords(broker, Topics.MESSAGE_COMMANDS, record -> id.equals(record.key()), 1);

            assertThat(TopicRecords.decode(relayed.getFirst()).payload())
                .isInstanceOfSatisfying(MessageScheduled.class, scheduled -> assertThat(scheduled.messageId()).isEqualTo(id));
        }
    }
}
