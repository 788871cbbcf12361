package io.wascheduler.api.campaign;

import io.wascheduler.api.ApiProperties;
import io.wascheduler.api.Ids;
import io.wascheduler.api.message.MessageRepository;
import io.wascheduler.api.message.NewMessage;
import io.wascheduler.api.outbox.Outbox;
import io.wascheduler.api.problem.ConflictException;
import io.wascheduler.api.problem.NotFoundException;
import io.wascheduler.model.event.CampaignScheduled;
import io.wascheduler.model.event.EventEnvelope;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Launches a DRAFT: one transaction moves it to LAUNCHING and announces {@code CampaignScheduled(total)};
 * then each page of recipients becomes messages (COPYed) and ONE outbox row holding their MessageScheduled
 * events, committed together with the removal of those recipients (pages claimed with SKIP LOCKED, a few side
 * by side), so the relay publishes while the launch goes on and a launch that stopped part-way (crash,
 * restart) is resumed from exactly the recipients left, none twice, none lost. The campaign is marked
 * SCHEDULED once none is left.
 */
@Service
class CampaignLaunch {

    private final DraftRepository drafts;
    private final LaunchRepository launches;
    private final MessageRepository messages;
    private final Outbox outbox;
    private final TransactionalOperator transaction;
    private final int pageSize;
    private final int workers;
    private final Clock clock;

    CampaignLaunch(DraftRepository drafts, LaunchRepository launches, MessageRepository messages, Outbox outbox,
                   TransactionalOperator transaction, ApiProperties properties, Clock clock) {
        this.drafts = drafts;
        this.launches = launches;
        this.messages = messages;
        this.outbox = outbox;
        this.transaction = transaction;
        this.pageSize = properties.launchPageSize();
        this.workers = properties.launchWorkers();
        this.clock = clock;
    }

    /** Launches a DRAFT, or finishes the launch of a LAUNCHING campaign. */
    Mono<Void> launch(String tenantId, String campaignId) {
        return begin(tenantId, campaignId).flatMap(draft -> scheduleRemaining(tenantId, campaignId, draft));
    }

    /** DRAFT → LAUNCHING with its CampaignScheduled; a campaign already LAUNCHING is answered as it is. */
    Mono<DraftRepository.Draft> begin(String tenantId, String campaignId) {
        return drafts.lock(tenantId, campaignId)
            .switchIfEmpty(Mono.error(() -> new NotFoundException("No campaign " + campaignId)))
            .flatMap(draft -> switch (draft.status()) {
                case DRAFT -> start(tenantId, campaignId, draft);
                case LAUNCHING -> Mono.just(draft);
                default -> Mono.<DraftRepository.Draft>error(
                    new ConflictException("The campaign is " + draft.status() + "; only a DRAFT takes recipients or launches"));
            })
            .as(transaction::transactional);
    }

    /**
     * Schedules, in its own transaction, a page of the recipients after {@code afterPosition} that no other
     * page holds; answers the page's last position, or empty when none is free or the campaign is no longer
     * LAUNCHING. A scheduled recipient is gone, so a resumed launch simply starts again from 0.
     */
    Mono<Long> scheduleNextPage(String tenantId, String campaignId, DraftRepository.Draft draft, long afterPosition) {
        return launches.shareLaunching(campaignId)
            .flatMap(launching -> launches.takeRecipientsAfter(campaignId, afterPosition, pageSize))
            .filter(page -> !page.isEmpty())
            .flatMap(page -> schedule(tenantId, campaignId, draft, page).thenReturn(page.getLast().position()))
            .as(transaction::transactional);
    }

    private Mono<DraftRepository.Draft> start(String tenantId, String campaignId, DraftRepository.Draft draft) {
        return launches.countRecipients(campaignId).flatMap(total -> {
            if (total == 0) {
                return Mono.error(new ConflictException("The campaign has no recipients yet"));
            }
            Instant now = clock.instant();
            Instant sendAt = draft.sendAt() == null || draft.sendAt().isBefore(now) ? now : draft.sendAt();
            EventEnvelope scheduled = EventEnvelope.of(tenantId, new CampaignScheduled(campaignId, draft.senderId(), total, sendAt), clock);
            return outbox.append(scheduled)
                .then(launches.startLaunching(campaignId, total, sendAt))
                .thenReturn(new DraftRepository.Draft(CampaignStatus.LAUNCHING, draft.senderId(), draft.content(), sendAt,
                    draft.maxAttempts()));
        });
    }

    /**
     * {@code workers} page loops side by side, then the campaign is marked SCHEDULED; should a page have
     * rolled back meanwhile (its recipients are still there), the loops run again.
     */
    private Mono<Void> scheduleRemaining(String tenantId, String campaignId, DraftRepository.Draft draft) {
        return Mono.defer(() -> Flux.range(0, workers)
                .flatMap(worker -> schedulePages(tenantId, campaignId, draft), workers)
                .then(launches.launchedIfNoneLeft(campaignId).as(transaction::transactional))
                .flatMap(launched -> launched ? Mono.just(true) : launches.isLaunching(campaignId).map(launching -> !launching)))
            .repeat()
            .takeUntil(Boolean::booleanValue)
            .then();
    }

    /** Page after page by re-subscribing (not nesting), so a committed page is garbage at once: memory stays flat. */
    private Mono<Void> schedulePages(String tenantId, String campaignId, DraftRepository.Draft draft) {
        AtomicLong after = new AtomicLong();
        return Mono.defer(() -> scheduleNextPage(tenantId, campaignId, draft, after.get()))
            .map(Optional::of)
            .defaultIfEmpty(Optional.empty())
            .repeat()
            .takeWhile(Optional::isPresent)
            .doOnNext(last -> after.set(last.orElseThrow()))
            .then();
    }

    /** Builds the page's messages and events off the database connection's thread, so pages side by side use every core. */
    private Mono<Void> schedule(String tenantId, String campaignId, DraftRepository.Draft draft,
                                List<LaunchRepository.StoredRecipient> page) {
        return Mono.fromCallable(() -> messagesFor(tenantId, campaignId, draft, page))
            .subscribeOn(Schedulers.parallel())
            .flatMap(created -> messages.copyAll(created)
                .then(outbox.appendPage(created.stream().map(message -> EventEnvelope.of(tenantId, message.scheduled(), clock)).toList())));
    }

    private List<NewMessage> messagesFor(String tenantId, String campaignId, DraftRepository.Draft draft,
                                         List<LaunchRepository.StoredRecipient> page) {
        List<NewMessage> created = new ArrayList<>(page.size());
        for (LaunchRepository.StoredRecipient recipient : page) {
            var content = Personalizer.personalize(draft.content(), recipient.vars(), new HashSet<>());
            created.add(new NewMessage(Ids.next(clock), tenantId, campaignId, draft.senderId(), recipient.to(), content,
                draft.sendAt(), draft.maxAttempts(), Map.of()));
        }
        return created;
    }
}
