package io.wascheduler.projector.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wascheduler.model.lifecycle.MessageStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProgressReportTest {

    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(30);
    private static final String CAMPAIGN = "cmp-1";

    @Test
    void theSendRateIsTheRecentSendsOverTheSecondsTheyCoverAndDatesTheCompletion() {
        CampaignCounters counters = CampaignCounters.empty(CAMPAIGN).apply(CampaignUpdate.declared("t", 140), NOW, WINDOW);
        for (int second = 4; second >= 0; second--) {
            for (int send = 0; send < 8; send++) {
                counters = counters.apply(CampaignUpdate.moved("t", null, MessageStatus.SENT, NOW.minusSeconds(second)),
                    NOW, WINDOW);
            }
        }

        ProgressReport report = ProgressReport.of(counters, NOW, WINDOW);

        assertThat(report.sent()).isEqualTo(40);
        assertThat(report.pending()).isEqualTo(100);
        assertThat(report.sendRatePerSecond()).isCloseTo(8.0, within(1e-9));
        assertThat(report.estimatedCompletionAt()).isEqualTo(NOW.plus(Duration.ofMillis(12_500)));
        assertThat(report.percentComplete()).isCloseTo(100.0 * 40 / 140, within(1e-9));
    }

    @Test
    void sendsOlderThanTheWindowNoLongerCountAndLeaveNoEstimate() {
        CampaignCounters counters = CampaignCounters.empty(CAMPAIGN)
            .apply(CampaignUpdate.declared("t", 2), NOW, WINDOW)
            .apply(CampaignUpdate.moved("t", null, MessageStatus.SENT, NOW.minusSeconds(5)), NOW, WINDOW);

        ProgressReport later = ProgressReport.of(counters, NOW.plus(WINDOW), WINDOW);

        assertThat(later.sendRatePerSecond()).isZero();
        assertThat(later.estimatedCompletionAt()).isNull();
        assertThat(later.pending()).isEqualTo(1);
    }

    @Test
    void aCampaignWithNothingPendingIsCompleteAndHasNoEstimate() {
        CampaignCounters counters = CampaignCounters.empty(CAMPAIGN)
            .apply(CampaignUpdate.moved("t", null, MessageStatus.SCHEDULED, null), NOW, WINDOW)
            .apply(CampaignUpdate.moved("t", MessageStatus.SCHEDULED, MessageStatus.SENT, NOW), NOW, WINDOW)
            .apply(CampaignUpdate.moved("t", MessageStatus.SENT, MessageStatus.READ, null), NOW, WINDOW);

        ProgressReport report = ProgressReport.of(counters, NOW, WINDOW);

        assertThat(report.complete()).isTrue();
        assertThat(report.percentComplete()).isEqualTo(100.0);
        assertThat(report.read()).isEqualTo(1);
        assertThat(report.estimatedCompletionAt()).isNull();
    }

    @Test
    void aMessageBeingRetriedIsSendingNotPendingAndKeepsTheCampaignIncompleteAndInTheEstimate() {
        CampaignCounters counters = CampaignCounters.empty(CAMPAIGN)
            .apply(CampaignUpdate.declared("t", 4), NOW, WINDOW)
            .apply(CampaignUpdate.moved("t", null, MessageStatus.SENT, NOW), NOW, WINDOW)
            .apply(CampaignUpdate.moved("t", null, MessageStatus.FAILED, null), NOW, WINDOW)
            .apply(CampaignUpdate.moved("t", null, MessageStatus.SCHEDULED, null), NOW, WINDOW)
            .apply(CampaignUpdate.moved("t", MessageStatus.SCHEDULED, MessageStatus.SENDING, null), NOW, WINDOW);

        ProgressReport report = ProgressReport.of(counters, NOW, WINDOW);

        assertThat(report.pending()).isEqualTo(1);
        assertThat(report.sending()).isEqualTo(1);
        assertThat(report.total()).isEqualTo(report.pending() + report.sending() + report.sent() + report.failed()
            + report.cancelled());
        assertThat(report.percentComplete()).isEqualTo(50.0);
        assertThat(report.sendRatePerSecond()).isEqualTo(1.0);
        assertThat(report.estimatedCompletionAt()).isEqualTo(NOW.plusSeconds(2));
        assertThat(report.complete()).isFalse();
    }

    @Test
    void aCampaignWhoseLastMessageIsBeingRetriedIsNotComplete() {
        CampaignCounters counters = CampaignCounters.empty(CAMPAIGN)
            .apply(CampaignUpdate.moved("t", null, MessageStatus.SENDING, null), NOW, WINDOW);

        ProgressReport report = ProgressReport.of(counters, NOW, WINDOW);

        assertThat(report.pending()).isZero();
        assertThat(report.complete()).isFalse();
        assertThat(report.percentComplete()).isZero();
    }
}
