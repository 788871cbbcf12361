package io.wascheduler.projector.topology;

import static io.wascheduler.projector.topology.Events.campaignScheduled;
import static io.wascheduler.projector.topology.Events.cancelled;
import static io.wascheduler.projector.topology.Events.dispatched;
import static io.wascheduler.projector.topology.Events.failedFinally;
import static io.wascheduler.projector.topology.Events.failedRetryably;
import static io.wascheduler.projector.topology.Events.redelivered;
import static io.wascheduler.projector.topology.Events.scheduled;
import static io.wascheduler.projector.topology.Events.status;
import static io.wascheduler.projector.topology.Events.statusByWamid;
import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.model.event.CampaignProgress;
import io.wascheduler.model.event.DeliveryStatus;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.lifecycle.MessageStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProjectionTopologyTest {

    private static final String CAMPAIGN = "cmp-1";
    private final ProjectionDriver projection = new ProjectionDriver();

    @AfterEach
    void close() {
        projection.close();
    }

    @Test
    void aMessageWalksFromScheduledToReadAndTheFunnelCountsItAtEveryStage() {
        projection.pipe(campaignScheduled(CAMPAIGN, 1), scheduled("m1", 1, CAMPAIGN));
        assertFunnel(CAMPAIGN, 1, 1, 0, 0, 0, 0, 0, 0);

        projection.pipe(dispatched("m1", 1, CAMPAIGN, "wamid.1"));
        assertFunnel(CAMPAIGN, 1, 0, 0, 1, 0, 0, 0, 0);

        projection.pipe(status("m1", 1, CAMPAIGN, "wamid.1", DeliveryStatus.DELIVERED));
        assertFunnel(CAMPAIGN, 1, 0, 0, 1, 1, 0, 0, 0);

        projection.pipe(status("m1", 1, CAMPAIGN, "wamid.1", DeliveryStatus.READ));
        assertFunnel(CAMPAIGN, 1, 0, 0, 1, 1, 1, 0, 0);
        assertThat(projection.message("m1").status()).isEqualTo(MessageStatus.READ);
        assertThat(projection.message("m1").wamid()).isEqualTo("wamid.1");
    }

    @Test
    void readBeforeDeliveredBeforeSentEndsRead() {
        projection.pipe(scheduled("m1", 1, CAMPAIGN),
            status("m1", 1, CAMPAIGN, "wamid.1", DeliveryStatus.READ),
            status("m1", 1, CAMPAIGN, "wamid.1", DeliveryStatus.DELIVERED),
            status("m1", 1, CAMPAIGN, "wamid.1", DeliveryStatus.SENT),
            dispatched("m1", 1, CAMPAIGN, "wamid.1"));

        assertThat(projection.message("m1").status()).isEqualTo(MessageStatus.READ);
        assertThat(projection.message("m1").reachedAt()).containsOnlyKeys(
            MessageStatus.READ, MessageStatus.DELIVERED, MessageStatus.SENT);
        assertFunnel(CAMPAIGN, 1, 0, 0, 1, 1, 1, 0, 0);
    }

    @Test
    void aStatusBeforeTheDispatchOutcomeIsNotUndoneByTheOutcome() {
        projection.pipe(status("m1", 1, CAMPAIGN, "wamid.1", DeliveryStatus.DELIVERED),
            dispatched("m1", 1, CAMPAIGN, "wamid.1"),
            scheduled("m1", 1, CAMPAIGN));

        assertThat(projection.message("m1").status()).isEqualTo(MessageStatus.DELIVERED);
        assertFunnel(CAMPAIGN, 1, 0, 0, 1, 1, 0, 0, 0);
    }

    @Test
    void aStatusWithoutCallbackDataIsMatchedToItsMessageThroughTheWamid() {
        projection.pipe(scheduled("m1", 1, CAMPAIGN), dispatched("m1", 1, CAMPAIGN, "wamid.1"),
            statusByWamid("wamid.1", DeliveryStatus.DELIVERED));

        assertThat(projection.message("m1").status()).isEqualTo(MessageStatus.DELIVERED);
        assertFunnel(CAMPAIGN, 1, 0, 0, 1, 1, 0, 0, 0);
    }

    @Test
    void aStatusWithoutCallbackDataThatArrivesBeforeTheDispatchOutcomeWaitsForIt() {
        projection.pipe(scheduled("m1", 1, CAMPAIGN), statusByWamid("wamid.1", DeliveryStatus.READ));
        assertThat(projection.message("m1")).as("waiting for its first attempt, as no view says").isNull();

        projection.pipe(dispatched("m1", 1, CAMPAIGN, "wamid.1"));

        assertThat(projection.message("m1").status()).isEqualTo(MessageStatus.READ);
        assertFunnel(CAMPAIGN, 1, 0, 0, 1, 1, 1, 0, 0);
    }

    @Test
    void duplicatedEventsAreCountedOnce() {
        List<EventEnvelope> history = List.of(scheduled("m1", 1, CAMPAIGN), dispatched("m1", 1, CAMPAIGN, "wamid.1"),
            status("m1", 1, CAMPAIGN, "wamid.1", DeliveryStatus.SENT), statusByWamid("wamid.1", DeliveryStatus.DELIVERED));
        projection.pipe(history).pipe(history).pipe(history.stream().map(Events::redelivered).toList());

        assertFunnel(CAMPAIGN, 1, 0, 0, 1, 1, 0, 0, 0);
    }

    @Test
    void aCancelledMessageCountsAsCancelledAndNoLongerPending() {
        projection.pipe(campaignScheduled(CAMPAIGN, 2), scheduled("m1", 1, CAMPAIGN), scheduled("m2", 1, CAMPAIGN),
            cancelled("m2", 1, CAMPAIGN));

        assertThat(projection.message("m2").status()).isEqualTo(MessageStatus.CANCELLED);
        assertFunnel(CAMPAIGN, 2, 1, 0, 0, 0, 0, 0, 1);
    }

    @Test
    void aMessageTheDispatcherIsRetryingCountsAsSendingUntilItIsSent() {
        projection.pipe(campaignScheduled(CAMPAIGN, 2), scheduled("m1", 1, CAMPAIGN), scheduled("m2", 1, CAMPAIGN),
            failedRetryably("m1", 1, CAMPAIGN));
        assertThat(projection.message("m1").status()).isEqualTo(MessageStatus.SENDING);
        assertFunnel(CAMPAIGN, 2, 1, 1, 0, 0, 0, 0, 0);

        projection.pipe(redelivered(failedRetryably("m1", 1, CAMPAIGN)));
        assertFunnel(CAMPAIGN, 2, 1, 1, 0, 0, 0, 0, 0);

        projection.pipe(dispatched("m1", 1, CAMPAIGN, "wamid.1"));
        assertThat(projection.message("m1").status()).isEqualTo(MessageStatus.SENT);
        assertFunnel(CAMPAIGN, 2, 1, 0, 1, 0, 0, 0, 0);
    }

    @Test
    void aMessageBeingRetriedLeavesSendingWhenItFailsForGoodIsCancelledOrIsEdited() {
        projection.pipe(campaignScheduled(CAMPAIGN, 3));
        for (String id : List.of("fails", "cancelled", "edited")) {
            projection.pipe(scheduled(id, 1, CAMPAIGN), failedRetryably(id, 1, CAMPAIGN));
        }
        assertFunnel(CAMPAIGN, 3, 0, 3, 0, 0, 0, 0, 0);

        projection.pipe(failedFinally("fails", 1, CAMPAIGN), cancelled("cancelled", 1, CAMPAIGN),
            scheduled("edited", 2, CAMPAIGN));

        assertFunnel(CAMPAIGN, 3, 1, 0, 0, 0, 0, 1, 1);
    }

    @Test
    void aRetryableFailureThatArrivesAfterTheSendChangesNothing() {
        projection.pipe(scheduled("m1", 1, CAMPAIGN), dispatched("m1", 1, CAMPAIGN, "wamid.1"),
            failedRetryably("m1", 1, CAMPAIGN));

        assertThat(projection.message("m1").status()).isEqualTo(MessageStatus.SENT);
        assertFunnel(CAMPAIGN, 1, 0, 0, 1, 0, 0, 0, 0);
    }

    @Test
    void aRetryWithANewVersionMovesAFailedMessageBackToPendingAndIgnoresTheOldVersionsNews() {
        projection.pipe(campaignScheduled(CAMPAIGN, 1), scheduled("m1", 1, CAMPAIGN), failedFinally("m1", 1, CAMPAIGN));
        assertFunnel(CAMPAIGN, 1, 0, 0, 0, 0, 0, 1, 0);

        projection.pipe(scheduled("m1", 2, CAMPAIGN));
        assertFunnel(CAMPAIGN, 1, 1, 0, 0, 0, 0, 0, 0);

        projection.pipe(dispatched("m1", 2, CAMPAIGN, "wamid.2"), status("m1", 1, CAMPAIGN, "wamid.1", DeliveryStatus.READ));
        assertThat(projection.message("m1").version()).isEqualTo(2);
        assertThat(projection.message("m1").wamid()).isEqualTo("wamid.2");
        assertFunnel(CAMPAIGN, 1, 0, 0, 1, 0, 0, 0, 0);
    }

    @Test
    void messagesAnnouncedByTheCampaignButNotSeenYetArePending() {
        projection.pipe(campaignScheduled(CAMPAIGN, 3), scheduled("m1", 1, CAMPAIGN),
            dispatched("m1", 1, CAMPAIGN, "wamid.1"));

        assertFunnel(CAMPAIGN, 3, 2, 0, 1, 0, 0, 0, 0);
    }

    @Test
    void aFirstScheduleWritesNothingButAnEditOfAMessageWithoutViewIsKept() {
        projection.pipe(campaignScheduled(CAMPAIGN, 2), scheduled("m1", 1, CAMPAIGN), scheduled("m2", 1, CAMPAIGN),
            scheduled("m2", 2, CAMPAIGN));

        assertThat(projection.message("m1")).isNull();
        assertThat(projection.message("m2").version()).isEqualTo(2);
        assertThat(projection.message("m2").status()).isEqualTo(MessageStatus.SCHEDULED);
        assertFunnel(CAMPAIGN, 2, 2, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void anUndecodableCommandIsSkippedAndTheCommandsAfterItStillCount() {
        projection.pipe(campaignScheduled(CAMPAIGN, 2))
            .pipeCommandBytes("m1", "{\"type\": \"MessageCancelled\", \"payload\": [".getBytes(StandardCharsets.UTF_8))
            .pipe(cancelled("m2", 1, CAMPAIGN));

        assertThat(projection.message("m1")).isNull();
        assertThat(projection.message("m2").status()).isEqualTo(MessageStatus.CANCELLED);
        assertFunnel(CAMPAIGN, 2, 1, 0, 0, 0, 0, 0, 1);
    }

    @Test
    void aCampaignScheduledAfterItsMessagesRaisesTheTotalToTheDeclaredCount() {
        projection.pipe(scheduled("m1", 1, CAMPAIGN), dispatched("m1", 1, CAMPAIGN, "wamid.1"));
        assertFunnel(CAMPAIGN, 1, 0, 0, 1, 0, 0, 0, 0);

        projection.pipe(campaignScheduled(CAMPAIGN, 3));
        assertFunnel(CAMPAIGN, 3, 2, 0, 1, 0, 0, 0, 0);
    }

    @Test
    void anOutcomeBeforeTheScheduleCreditsTheCampaignOnceWhenTheScheduleArrives() {
        projection.pipe(dispatched("m1", 1, null, "wamid.1"));
        assertThat(projection.message("m1").status()).isEqualTo(MessageStatus.SENT);
        assertThat(projection.counters(CAMPAIGN)).isNull();

        projection.pipe(scheduled("m1", 1, CAMPAIGN), redelivered(scheduled("m1", 1, CAMPAIGN)));

        assertFunnel(CAMPAIGN, 1, 0, 0, 1, 0, 0, 0, 0);
    }

    @Test
    void progressIsPublishedOncePerIntervalWithTheLatestCountsAndNotAgainWithoutAChange() {
        projection.pipe(campaignScheduled(CAMPAIGN, 2), scheduled("m1", 1, CAMPAIGN), scheduled("m2", 1, CAMPAIGN),
            dispatched("m1", 1, CAMPAIGN, "wamid.1"), status("m1", 1, CAMPAIGN, "wamid.1", DeliveryStatus.DELIVERED));

        List<CampaignProgress> published = projection.publishedAfterAnInterval();

        assertThat(published).singleElement().satisfies(progress -> {
            assertThat(progress.campaignId()).isEqualTo(CAMPAIGN);
            assertThat(progress.total()).isEqualTo(2);
            assertThat(progress.pending()).isEqualTo(1);
            assertThat(progress.delivered()).isEqualTo(1);
        });
        assertThat(projection.publishedAfterAnInterval()).isEmpty();
    }

    @Test
    void aMessageWithoutCampaignIsTrackedButCountedNowhere() {
        projection.pipe(scheduled("solo", 1, null), dispatched("solo", 1, null, "wamid.9"));

        assertThat(projection.message("solo").status()).isEqualTo(MessageStatus.SENT);
        assertThat(projection.publishedAfterAnInterval()).isEmpty();
    }

    private void assertFunnel(String campaignId, long total, long pending, long sending, long sent, long delivered,
        long read, long failed, long cancelled) {
        CampaignProgress funnel = projection.funnel(campaignId);
        assertThat(List.of(funnel.total(), funnel.pending(), funnel.sending(), funnel.sent(), funnel.delivered(),
            funnel.read(), funnel.failed(), funnel.cancelled()))
            .as("total, pending, sending, sent, delivered, read, failed, cancelled")
            .containsExactly(total, pending, sending, sent, delivered, read, failed, cancelled);
        assertThat(funnel.pending() + funnel.sending() + funnel.sent() + funnel.failed() + funnel.cancelled())
            .as("total = pending + sending + sent + failed + cancelled").isEqualTo(funnel.total());
    }
}
