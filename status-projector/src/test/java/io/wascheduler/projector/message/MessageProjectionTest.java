package io.wascheduler.projector.message;

import static io.wascheduler.projector.topology.Events.dispatched;
import static io.wascheduler.projector.topology.Events.scheduled;
import static io.wascheduler.projector.topology.Events.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.model.event.DeliveryStatus;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.lifecycle.MessageStatus;
import io.wascheduler.projector.campaign.CampaignUpdate;
import io.wascheduler.projector.topology.Events;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MessageProjectionTest {

    @Test
    void aFirstScheduleOfAnUnknownMessageChangesNothingItsCampaignsDeclaredTotalCountsItAsPending() {
        assertThat(MessageProjection.apply(null, "m1", scheduled("m1", 1, "c1"))).isEmpty();
    }

    @Test
    void anEditMovesNoCounterWhileTheMessageStaysScheduled() {
        MessageProjection.Change change = apply(null, scheduled("m1", 2, "c1"));

        assertThat(change.after().status()).isEqualTo(MessageStatus.SCHEDULED);
        assertThat(change.after().version()).isEqualTo(2);
        assertThat(change.campaignUpdate()).isNull();
    }

    @Test
    void reachingSentMovesTheMessageAndDatesTheSendForTheRate() {
        MessageProjection.Change change = apply(null, dispatched("m1", 1, "c1", "wamid.1"));

        assertThat(change.campaignUpdate())
            .isEqualTo(CampaignUpdate.moved(Events.TENANT, null, MessageStatus.SENT, Events.AT));
        assertThat(change.after().wamid()).isEqualTo("wamid.1");
    }

    @Test
    void aMessageWhoseCampaignIsLearnedLateIsCountedOnceInItsCurrentStatusAsSentWhenItWasSent() {
        MessageProjection.Change withoutCampaign = apply(null, dispatched("m1", 1, null, "wamid.1"));
        assertThat(withoutCampaign.campaignUpdate()).isNull();

        MessageProjection.Change change =
            apply(withoutCampaign.after(), Events.later(scheduled("m1", 1, "c1"), Duration.ofMinutes(1)));

        assertThat(change.after().status()).isEqualTo(MessageStatus.SENT);
        assertThat(change.campaignUpdate())
            .isEqualTo(CampaignUpdate.moved(Events.TENANT, null, MessageStatus.SENT, Events.AT));
    }

    @Test
    void aRepeatedEventChangesNothing() {
        EventEnvelope delivered = status("m1", 1, "c1", "wamid.1", DeliveryStatus.DELIVERED);
        MessageView once = apply(null, delivered).after();

        assertThat(MessageProjection.apply(once, "m1", Events.redelivered(delivered))).isEmpty();
    }

    private static MessageProjection.Change apply(MessageView current, EventEnvelope event) {
        return MessageProjection.apply(current, "m1", event).orElseThrow();
    }
}
