package io.wascheduler.api.campaign;

import io.wascheduler.api.ApiProperties;
import io.wascheduler.api.Ids;
import io.wascheduler.api.message.MessageRepository;
import io.wascheduler.api.message.MessageRules;
import io.wascheduler.api.message.MessageView;
import io.wascheduler.api.message.NewMessage;
import io.wascheduler.api.outbox.Outbox;
import io.wascheduler.api.problem.FieldError;
import io.wascheduler.api.problem.InvalidRequestException;
import io.wascheduler.api.problem.NotFoundException;
import io.wascheduler.api.sender.SenderDirectory;
import io.wascheduler.model.event.CampaignScheduled;
import io.wascheduler.model.event.EventEnvelope;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

@Service
class CampaignService {

    private final CampaignRepository campaigns;
    private final MessageRepository messages;
    private final SenderDirectory senders;
    private final ProjectorClient projector;
    private final Outbox outbox;
    private final TransactionalOperator transaction;
    private final ApiProperties properties;
    private final MessageRules rules;
    private final Clock clock;

    CampaignService(CampaignRepository campaigns, MessageRepository messages, SenderDirectory senders, ProjectorClient projector,
                    Outbox outbox, TransactionalOperator transaction, ApiProperties properties, Clock clock) {
        this.campaigns = campaigns;
        this.messages = messages;
        this.senders = senders;
        this.projector = projector;
        this.outbox = outbox;
        this.transaction = transaction;
        this.properties = properties;
        this.rules = new MessageRules(clock);
        this.clock = clock;
    }

    /**
     * Validates every row, then stores the campaign, its messages and their events (CampaignScheduled
     * first, then one MessageScheduled per message) in one transaction.
     */
    Mono<CampaignView> create(String tenantId, CampaignRequest request, boolean skipInvalid) {
        List<FieldError> errors = CampaignRules.check(rules, request, properties.maxCampaignRecipients());
        return senders.belongsTo(tenantId, request.from()).flatMap(known -> {
            if (!known) {
                errors.addFirst(new FieldError("from", "must be the phone-number id of one of your senders"));
            }
            if (!errors.isEmpty()) {
                return Mono.error(new InvalidRequestException(errors));
            }
            if (request.recipients() == null) {
                return createDraft(tenantId, request);
            }
            RecipientExpansion.Result rows = RecipientExpansion.expand(rules, request.content(), request.recipients());
            List<FieldError> listed = rows.rejected().subList(0, Math.min(rows.rejected().size(), properties.maxListedErrors()));
            if (!rows.rejected().isEmpty() && !skipInvalid) {
                return Mono.error(new InvalidRequestException(listed));
            }
            if (rows.accepted().isEmpty()) {
                return Mono.error(new InvalidRequestException("recipients", "no valid recipient"));
            }
            return store(tenantId, request, rows)
                .map(view -> view.withOutcome(rows.duplicates(), rows.rejectedRows(), skipInvalid ? listed : null));
        });
    }

    Mono<CampaignView> find(String tenantId, String id) {
        return campaigns.find(tenantId, id)
            .switchIfEmpty(Mono.error(() -> new NotFoundException("No campaign " + id)))
            .flatMap(campaign -> projector.progress(id)
                .switchIfEmpty(Mono.defer(() -> campaigns.countsByStatus(id).map(counts -> Progress.fromCounts(counts, clock.instant()))))
                .map(campaign::withProgress));
    }

    Mono<Page<CampaignView>> list(String tenantId, ListQuery query) {
        return campaigns.list(tenantId, query).collectList().map(rows -> Page.of(rows, query.limit(), CampaignView::id));
    }

    Mono<Page<MessageView>> messages(String tenantId, String campaignId, ListQuery query) {
        return campaigns.find(tenantId, campaignId)
            .switchIfEmpty(Mono.error(() -> new NotFoundException("No campaign " + campaignId)))
            .flatMap(campaign -> campaigns.messages(campaignId, query).collectList())
            .map(rows -> Page.of(rows, query.limit(), MessageView::id));
    }

    private Mono<CampaignView> createDraft(String tenantId, CampaignRequest request) {
        CampaignView draft = new CampaignView(Ids.next(clock), request.name().strip(), request.from(), CampaignStatus.DRAFT.name(), 0,
            request.content(), request.sendAt() == null ? null : request.sendAt().toInstant(),
            MessageRules.maxAttemptsOrDefault(request.maxAttempts()), clock.instant(), null, null, null, null);
        return campaigns.insert(tenantId, draft).thenReturn(draft);
    }

    private Mono<CampaignView> store(String tenantId, CampaignRequest request, RecipientExpansion.Result rows) {
        String campaignId = Ids.next(clock);
        Instant sendAt = rules.sendInstant(request.sendAt());
        int maxAttempts = MessageRules.maxAttemptsOrDefault(request.maxAttempts());
        List<NewMessage> created = new ArrayList<>(rows.accepted().size());
        List<EventEnvelope> events = new ArrayList<>(rows.accepted().size() + 1);
        events.add(EventEnvelope.of(tenantId, new CampaignScheduled(campaignId, request.from(), rows.accepted().size(), sendAt), clock));
        for (RecipientExpansion.Personalized row : rows.accepted()) {
            NewMessage message = new NewMessage(Ids.next(clock), tenantId, campaignId, request.from(), row.to(), row.content(),
                sendAt, maxAttempts, Map.of());
            created.add(message);
            events.add(EventEnvelope.of(tenantId, message.scheduled(), clock));
        }
        CampaignView campaign = new CampaignView(campaignId, request.name().strip(), request.from(), CampaignStatus.SCHEDULED.name(), created.size(),
            request.content(), sendAt, maxAttempts, clock.instant(), null, null, null, null);
        return campaigns.insert(tenantId, campaign)
            .then(messages.insertAll(created))
            .then(outbox.appendAll(events))
            .as(transaction::transactional)
            .thenReturn(campaign);
    }
}
