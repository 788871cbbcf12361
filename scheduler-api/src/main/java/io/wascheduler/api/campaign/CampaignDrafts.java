package io.wascheduler.api.campaign;

import io.wascheduler.api.ApiProperties;
import io.wascheduler.api.Ids;
import io.wascheduler.api.message.MessageRepository;
import io.wascheduler.api.message.MessageRules;
import io.wascheduler.api.message.NewMessage;
import io.wascheduler.api.outbox.Outbox;
import io.wascheduler.api.problem.ConflictException;
import io.wascheduler.api.problem.FieldError;
import io.wascheduler.api.problem.InvalidRequestException;
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

/**
 * Large campaigns: recipients are uploaded to a DRAFT in any number of atomic calls, then the launch
 * turns them into messages and their events in one transaction, a page at a time.
 */
@Service
class CampaignDrafts {

    /** Rows validated and inserted per statement while an upload streams in, and per page at launch. */
    static final int CHUNK = 2000;

    private final DraftRepository drafts;
    private final MessageRepository messages;
    private final Outbox outbox;
    private final TransactionalOperator transaction;
    private final ApiProperties properties;
    private final MessageRules rules;
    private final Clock clock;

    CampaignDrafts(DraftRepository drafts, MessageRepository messages, Outbox outbox, TransactionalOperator transaction,
                   ApiProperties properties, Clock clock) {
        this.drafts = drafts;
        this.messages = messages;
        this.outbox = outbox;
        this.transaction = transaction;
        this.properties = properties;
        this.rules = new MessageRules(clock);
        this.clock = clock;
    }

    /** Parsed rows in upload order; any invalid row rolls the whole upload back unless {@code skipInvalid}. */
    Mono<UploadResult> upload(String tenantId, String campaignId, Flux<RecipientLines.Parsed> rows, boolean skipInvalid) {
        return lockDraft(tenantId, campaignId).flatMap(draft -> {
            Tally tally = new Tally(properties.maxListedErrors());
            return rows.buffer(CHUNK)
                .concatMap(chunk -> {
                    List<CampaignRequest.Recipient> valid = new ArrayList<>(chunk.size());
                    for (RecipientLines.Parsed row : chunk) {
                        int index = tally.rows++;
                        Optional<FieldError> error = row.error() != null ? Optional.of(row.error())
                            : RecipientExpansion.firstError(rules, draft.content(), row.recipient(), index);
                        error.ifPresentOrElse(tally::reject, () -> valid.add(row.recipient()));
                    }
                    tally.valid += valid.size();
                    return drafts.insert(campaignId, valid);
                })
                .reduce(0L, Long::sum)
                .flatMap(inserted -> {
                    if (tally.rejectedRows > 0 && !skipInvalid) {
                        return Mono.error(new InvalidRequestException(tally.listed));
                    }
                    return Mono.just(new UploadResult(inserted, tally.valid - inserted, tally.rejectedRows,
                        skipInvalid ? List.copyOf(tally.listed) : null));
                });
        }).as(transaction::transactional);
    }

    /** Schedules every uploaded recipient; a draft without {@code sendAt}, or with one now past, is due at launch. */
    Mono<Long> launch(String tenantId, String campaignId) {
        return lockDraft(tenantId, campaignId).flatMap(draft -> drafts.count(campaignId).flatMap(total -> {
            if (total == 0) {
                return Mono.error(new ConflictException("The campaign has no recipients yet"));
            }
            Instant now = clock.instant();
            Instant sendAt = draft.sendAt() == null || draft.sendAt().isBefore(now) ? now : draft.sendAt();
            EventEnvelope scheduled = EventEnvelope.of(tenantId, new CampaignScheduled(campaignId, draft.senderId(), total, sendAt), clock);
            return outbox.append(scheduled)
                .then(schedulePages(tenantId, campaignId, draft, sendAt))
                .then(drafts.launched(campaignId, total, sendAt))
                .thenReturn(total);
        })).as(transaction::transactional);
    }

    /**
     * One page after another by re-subscribing (not nesting), so a finished page is garbage at once and
     * memory stays flat however many recipients the campaign has.
     */
    private Mono<Void> schedulePages(String tenantId, String campaignId, DraftRepository.Draft draft, Instant sendAt) {
        AtomicLong after = new AtomicLong();
        return Mono.defer(() -> drafts.page(campaignId, after.get(), CHUNK))
            .flatMap(page -> page.isEmpty() ? Mono.just(false)
                : schedulePage(tenantId, campaignId, draft, sendAt, page)
                    .then(Mono.fromSupplier(() -> {
                        after.set(page.getLast().position());
                        return true;
                    })))
            .repeat()
            .takeWhile(Boolean::booleanValue)
            .then();
    }

    private Mono<Void> schedulePage(String tenantId, String campaignId, DraftRepository.Draft draft, Instant sendAt,
                                    List<DraftRepository.StoredRecipient> page) {
        List<NewMessage> created = new ArrayList<>(page.size());
        List<EventEnvelope> events = new ArrayList<>(page.size());
        for (DraftRepository.StoredRecipient recipient : page) {
            var content = Personalizer.personalize(draft.content(), recipient.vars(), new HashSet<>());
            NewMessage message = new NewMessage(Ids.next(clock), tenantId, campaignId, draft.senderId(), recipient.to(), content,
                sendAt, draft.maxAttempts(), Map.of());
            created.add(message);
            events.add(EventEnvelope.of(tenantId, message.scheduled(), clock));
        }
        return messages.insertAll(created).then(outbox.appendAll(events));
    }

    private Mono<DraftRepository.Draft> lockDraft(String tenantId, String campaignId) {
        return drafts.lock(tenantId, campaignId)
            .switchIfEmpty(Mono.error(() -> new NotFoundException("No campaign " + campaignId)))
            .flatMap(draft -> draft.status() == CampaignStatus.DRAFT ? Mono.just(draft)
                : Mono.error(new ConflictException("The campaign is " + draft.status() + "; only a DRAFT takes recipients or launches")));
    }

    /** Counts kept while an upload streams through; only the first few errors are kept to be listed. */
    private static final class Tally {
        private final int maxListed;
        private final List<FieldError> listed = new ArrayList<>();
        private int rows;
        private long valid;
        private long rejectedRows;

        Tally(int maxListed) {
            this.maxListed = maxListed;
        }

        void reject(FieldError error) {
            rejectedRows++;
            if (listed.size() < maxListed) {
                listed.add(error);
            }
        }
    }

}
