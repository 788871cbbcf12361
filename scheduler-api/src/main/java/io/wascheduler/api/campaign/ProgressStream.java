package io.wascheduler.api.campaign;

import io.wascheduler.api.problem.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A campaign's progress as a stream: the projector's live stream when it serves one; otherwise
 * PostgreSQL's counts, looked at every {@link #POLL_INTERVAL} and sent when they change. Either way the
 * stream ends after the event that shows the campaign complete.
 */
@Service
class ProgressStream {

    static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    private final CampaignRepository campaigns;
    private final ProjectorClient projector;
    private final Clock clock;

    ProgressStream(CampaignRepository campaigns, ProjectorClient projector, Clock clock) {
        this.campaigns = campaigns;
        this.projector = projector;
        this.clock = clock;
    }

    Flux<Progress> follow(String tenantId, String campaignId) {
        return campaigns.find(tenantId, campaignId)
            .switchIfEmpty(Mono.error(() -> new NotFoundException("No campaign " + campaignId)))
            .flatMapMany(campaign -> projector.progressStream(campaignId).onErrorResume(e -> fromPostgres(campaignId)))
            .takeUntil(Progress::complete);
    }

    private Flux<Progress> fromPostgres(String campaignId) {
        return Flux.interval(Duration.ZERO, POLL_INTERVAL)
            .concatMap(tick -> campaigns.countsByStatus(campaignId).map(counts -> Progress.fromCounts(counts, clock.instant())))
            .distinctUntilChanged(progress -> progress, (previous, next) -> previous.sameCounts(next));
    }
}
