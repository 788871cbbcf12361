package io.wascheduler.api.campaign;

import io.wascheduler.api.outbox.Outbox;
import io.wascheduler.api.problem.ConflictException;
import io.wascheduler.api.problem.NotFoundException;
import io.wascheduler.model.event.CampaignPaused;
import io.wascheduler.model.event.CampaignResumed;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.EventPayload;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Cancel, retry-failed, pause and resume: one transaction each, under the campaign row's lock, events in the outbox. */
@Service
class CampaignCommands {

    static final String CANCELLED_WITH_CAMPAIGN = "campaign cancelled";

    record Cancelled(long cancelled) {
    }

    record Retried(long retried) {
    }

    private final CampaignCommandRepository campaigns;
    private final Outbox outbox;
    private final TransactionalOperator transaction;
    private final Clock clock;

    CampaignCommands(CampaignCommandRepository campaigns, Outbox outbox, TransactionalOperator transaction, Clock clock) {
        this.campaigns = campaigns;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
    }

    Mono<Cancelled> cancel(String tenantId, String campaignId) {
        return locked(tenantId, campaignId, Set.of(CampaignStatus.DRAFT, CampaignStatus.SCHEDULED, CampaignStatus.PAUSED), "cancel",
            status -> campaigns.cancelScheduled(campaignId, CANCELLED_WITH_CAMPAIGN)
                .flatMap(cancelled -> announce(tenantId, cancelled)
                    .then(campaigns.setStatus(campaignId, CampaignStatus.CANCELLED))
                    .thenReturn(new Cancelled(cancelled.size()))));
    }

    Mono<Retried> retryFailed(String tenantId, String campaignId) {
        return locked(tenantId, campaignId, Set.of(CampaignStatus.SCHEDULED, CampaignStatus.PAUSED), "retry failed messages of",
            status -> campaigns.rescheduleFailed(campaignId, clock.instant())
                .flatMap(retried -> announce(tenantId, retried).thenReturn(new Retried(retried.size()))));
    }

    Mono<Void> pause(String tenantId, String campaignId) {
        return locked(tenantId, campaignId, Set.of(CampaignStatus.SCHEDULED), "pause",
            status -> campaigns.setStatus(campaignId, CampaignStatus.PAUSED)
                .then(announce(tenantId, List.of(new CampaignPaused(campaignId)))));
    }

    Mono<Void> resume(String tenantId, String campaignId) {
        return locked(tenantId, campaignId, Set.of(CampaignStatus.PAUSED), "resume",
            status -> campaigns.setStatus(campaignId, CampaignStatus.SCHEDULED)
                .then(announce(tenantId, List.of(new CampaignResumed(campaignId)))));
    }

    private Mono<Void> announce(String tenantId, List<? extends EventPayload> payloads) {
        return outbox.appendAll(payloads.stream().map(payload -> EventEnvelope.of(tenantId, payload, clock)).toList());
    }

    private <T> Mono<T> locked(String tenantId, String campaignId, Set<CampaignStatus> allowed, String verb,
                               Function<CampaignStatus, Mono<T>> command) {
        return campaigns.lock(tenantId, campaignId)
            .switchIfEmpty(Mono.error(() -> new NotFoundException("No campaign " + campaignId)))
            .flatMap(status -> allowed.contains(status) ? command.apply(status)
                : Mono.error(new ConflictException("Cannot " + verb + " a campaign that is " + status)))
            .as(transaction::transactional);
    }
}
