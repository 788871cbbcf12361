package io.wascheduler.projector.campaign;

import io.wascheduler.model.event.CampaignProgress;
import java.time.Duration;
import java.time.Instant;

/**
 * The answer to {@code GET /internal/v1/campaigns/{id}/progress}: the funnel plus what is computed at
 * read time, the send rate over the recent window and when the messages not sent yet (pending and
 * sending) should be done at it. Complete means neither pending nor sending: sent, failed or cancelled.
 */
public record ProgressReport(
    String campaignId,
    long total,
    long pending,
    long sending,
    long sent,
    long delivered,
    long read,
    long failed,
    long cancelled,
    double percentComplete,
    double sendRatePerSecond,
    Instant estimatedCompletionAt,
    Instant updatedAt) {

    private static final double PERCENT = 100.0;

    public static ProgressReport of(CampaignCounters counters, Instant now, Duration rateWindow) {
        CampaignProgress funnel = counters.progress();
        long unsent = funnel.pending() + funnel.sending();
        long done = funnel.total() - unsent;
        double percent = funnel.total() == 0 ? PERCENT : PERCENT * done / funnel.total();
        double rate = SendRate.perSecond(counters.sentPerSecond(), now, rateWindow);
        Instant completion = rate > 0 && unsent > 0
            ? now.plusMillis(Math.round(unsent / rate * 1000))
            : null;
        return new ProgressReport(funnel.campaignId(), funnel.total(), funnel.pending(), funnel.sending(),
            funnel.sent(), funnel.delivered(), funnel.read(), funnel.failed(), funnel.cancelled(), percent, rate,
            completion, funnel.updatedAt());
    }

    /** Nothing left to send, neither waiting nor being retried: the last event of a progress stream. */
    public boolean complete() {
        return pending == 0 && sending == 0;
    }
}
