package io.wascheduler.api.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wascheduler.model.event.CampaignPaused;
import io.wascheduler.model.event.MessageCancelled;
import io.wascheduler.model.event.MessageDispatched;
import io.wascheduler.model.event.SenderConfigured;
import io.wascheduler.model.topic.Topics;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutboxTopicsTest {

    @Test
    void eachEventSchedulerApiPublishesGoesToItsTopic() {
        assertThat(Outbox.topicFor(new MessageCancelled("m", 1, null, "s", "r"))).isEqualTo(Topics.MESSAGE_COMMANDS);
        assertThat(Outbox.topicFor(new CampaignPaused("c"))).isEqualTo(Topics.CAMPAIGN_EVENTS);
        assertThat(Outbox.topicFor(new SenderConfigured("1", "t", 80))).isEqualTo(Topics.SENDER_CONFIG);
    }

    @Test
    void anEventOfAnotherServiceCannotBeAppended() {
        assertThatThrownBy(() -> Outbox.topicFor(new MessageDispatched("m", 1, null, "s", "+1", "w", 1, Instant.EPOCH)))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
