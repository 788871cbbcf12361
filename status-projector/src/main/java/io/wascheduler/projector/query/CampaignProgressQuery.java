package io.wascheduler.projector.query;

import io.wascheduler.projector.campaign.CampaignCounters;
import io.wascheduler.projector.campaign.CampaignStores;
import io.wascheduler.projector.campaign.ProgressReport;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A campaign's progress wherever its counters live, once or as a stream of changes. */
final class CampaignProgressQuery {

    private final KeyOwnerRouter router;
    private final Clock clock;
    private final Duration rateWindow;
    private final Duration pollInterval;

    CampaignProgressQuery(KeyOwnerRouter router, Clock clock, Duration rateWindow, Duration pollInterval) {
        this.router = router;
        this.clock = clock;
        this.rateWindow = rateWindow;
        this.pollInterval = pollInterval;
    }

    /** Errors with {@link UnknownIdException} when no instance knows the campaign. */
    Mono<ProgressReport> progress(String campaignId, boolean forwarded) {
        return router.<CampaignCounters, ProgressReport>find(CampaignStores.COUNTERS, campaignId,
                counters -> ProgressReport.of(counters, clock.instant(), rateWindow),
                List.of("internal", "v1", "campaigns", campaignId, "progress"), ProgressReport.class, forwarded)
            .switchIfEmpty(Mono.error(() -> new UnknownIdException("campaign", campaignId)));
    }

    /**
     * The current progress, then each change, looked for once per poll interval (so at most one event per
     * interval), ending with the first complete report (nothing pending or sending). Polls during a rebalance are skipped.
     */
    Flux<ProgressReport> changes(String campaignId) {
        return progress(campaignId, false).flatMapMany(first -> {
            Flux<ProgressReport> later = Flux.interval(pollInterval)
                .onBackpressureDrop()
                .concatMap(tick -> progress(campaignId, false)
                    .onErrorResume(ProjectionUnavailableException.class, unavailable -> Mono.empty()));
            return later.startWith(first)
                .distinctUntilChanged(ProgressReport::updatedAt)
                .takeUntil(ProgressReport::complete);
        });
    }
}
