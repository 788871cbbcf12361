package io.wascheduler.api.campaign;

import io.wascheduler.api.ApiProperties;
import io.wascheduler.api.message.MessageRules;
import io.wascheduler.api.problem.ConflictException;
import io.wascheduler.api.problem.FieldError;
import io.wascheduler.api.problem.InvalidRequestException;
import io.wascheduler.api.problem.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Large campaigns: recipients are uploaded to a DRAFT in any number of atomic calls ({@link CampaignLaunch}
 * then turns them into messages).
 */
@Service
class CampaignDrafts {

    /** Rows validated and inserted per statement while an upload streams in. */
    static final int CHUNK = 2000;
    /** Chunks validated ahead of the one being written: enough to keep a second core busy. */
    private static final int CHUNKS_CHECKED_AHEAD = 2;

    private final DraftRepository drafts;
    private final TransactionalOperator transaction;
    private final ApiProperties properties;
    private final MessageRules rules;

    CampaignDrafts(DraftRepository drafts, TransactionalOperator transaction, ApiProperties properties, Clock clock) {
        this.drafts = drafts;
        this.transaction = transaction;
        this.properties = properties;
        this.rules = new MessageRules(clock);
    }

    /**
     * Parsed rows in upload order; any invalid row rolls the whole upload back unless {@code skipInvalid}. The
     * next chunk is validated on another core while the previous one is written.
     */
    Mono<UploadResult> upload(String tenantId, String campaignId, Flux<RecipientLines.Parsed> rows, boolean skipInvalid) {
        return lockDraft(tenantId, campaignId).flatMap(draft -> {
            Tally tally = new Tally(properties.maxListedErrors());
            return rows.buffer(CHUNK)
                .index()
                .flatMapSequential(chunk -> Mono.fromCallable(() -> check(draft, chunk.getT2(), chunk.getT1().intValue() * CHUNK))
                    .subscribeOn(Schedulers.parallel()), CHUNKS_CHECKED_AHEAD)
                .concatMap(checked -> {
                    tally.add(checked);
                    // once the upload is bound to be rejected, the remaining rows are only checked, to be listed
                    return tally.rejectedRows > 0 && !skipInvalid ? Mono.just(0L) : drafts.insert(campaignId, checked.valid());
                }, CHUNKS_CHECKED_AHEAD)
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

    private Checked check(DraftRepository.Draft draft, List<RecipientLines.Parsed> chunk, int firstIndex) {
        List<CampaignRequest.Recipient> valid = new ArrayList<>(chunk.size());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            RecipientLines.Parsed row = chunk.get(i);
            Optional<FieldError> error = row.error() != null ? Optional.of(row.error())
                : RecipientExpansion.firstError(rules, draft.content(), row.recipient(), firstIndex + i);
            error.ifPresentOrElse(errors::add, () -> valid.add(row.recipient()));
        }
        return new Checked(valid, errors);
    }

    /** One chunk's valid rows and the errors of the others. */
    private record Checked(List<CampaignRequest.Recipient> valid, List<FieldError> errors) {
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
        private long valid;
        private long rejectedRows;

        Tally(int maxListed) {
            this.maxListed = maxListed;
        }

        void add(Checked chunk) {
            valid += chunk.valid().size();
            rejectedRows += chunk.errors().size();
            chunk.errors().stream().limit(Math.max(0, maxListed - listed.size())).forEach(listed::add);
        }
    }

}
