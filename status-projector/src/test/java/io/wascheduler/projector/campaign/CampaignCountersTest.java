package io.wascheduler.projector.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.model.event.CampaignProgress;
import io.wascheduler.model.lifecycle.MessageStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CampaignCountersTest {

    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(30);

    @Test
    void countersStoredWhileScheduledWasCountedAddUpOnceTheirScheduledMessagesMoveOn() {
        CampaignCounters stored = new CampaignCounters("cmp-1", "t", Map.of(MessageStatus.SCHEDULED, 3L), 3L, null, NOW);

        CampaignProgress progress = stored
            .apply(CampaignUpdate.moved("t", null, MessageStatus.SENT, NOW), NOW, WINDOW)
            .apply(CampaignUpdate.moved("t", null, MessageStatus.CANCELLED, null), NOW, WINDOW)
            .progress();

        assertThat(progress.total()).isEqualTo(3);
        assertThat(progress.pending()).isEqualTo(1);
        assertThat(progress.sent()).isEqualTo(1);
        assertThat(progress.cancelled()).isEqualTo(1);
    }

    @Test
    void aMessageRetriedAfterFailingIsPendingAgainWithinTheDeclaredTotal() {
        CampaignProgress progress = CampaignCounters.empty("cmp-1")
            .apply(CampaignUpdate.declared("t", 2), NOW, WINDOW)
            .apply(CampaignUpdate.moved("t", null, MessageStatus.FAILED, null), NOW, WINDOW)
            .apply(CampaignUpdate.moved("t", MessageStatus.FAILED, null, null), NOW, WINDOW)
            .progress();

        assertThat(progress.total()).isEqualTo(2);
        assertThat(progress.pending()).isEqualTo(2);
        assertThat(progress.failed()).isZero();
    }
}
