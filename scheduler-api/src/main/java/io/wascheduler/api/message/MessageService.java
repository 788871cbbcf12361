package io.wascheduler.api.message;

import io.wascheduler.api.Ids;
import io.wascheduler.api.outbox.Outbox;
import io.wascheduler.api.problem.FieldError;
import io.wascheduler.api.problem.InvalidRequestException;
import io.wascheduler.api.problem.NotFoundException;
import io.wascheduler.api.sender.SenderDirectory;
import io.wascheduler.model.event.EventEnvelope;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

@Service
class MessageService {

    private final MessageRepository messages;
    private final SenderDirectory senders;
    private final Outbox outbox;
    private final TransactionalOperator transaction;
    private final MessageRules rules;
    private final Clock clock;

    MessageService(MessageRepository messages, SenderDirectory senders, Outbox outbox,
                   TransactionalOperator transaction, Clock clock) {
        this.messages = messages;
        this.senders = senders;
        this.outbox = outbox;
        this.transaction = transaction;
        this.rules = new MessageRules(clock);
        this.clock = clock;
    }

    /** Validates, then stores the message and its MessageScheduled event in one transaction. */
    Mono<MessageView> schedule(String tenantId, ScheduleMessageRequest request) {
        return store(tenantId, request).flatMap(id -> find(tenantId, id));
    }

    Mono<MessageView> find(String tenantId, String id) {
        return messages.find(tenantId, id).switchIfEmpty(Mono.error(() -> new NotFoundException("No message " + id)));
    }

    private Mono<String> store(String tenantId, ScheduleMessageRequest request) {
        List<FieldError> errors = new ArrayList<>();
        errors.addAll(rules.checkRecipient("to", request.to()));
        errors.addAll(rules.checkContent("content", request.content()));
        errors.addAll(rules.checkSendAt("sendAt", request.sendAt()));
        errors.addAll(rules.checkMaxAttempts("maxAttempts", request.maxAttempts()));
        errors.addAll(rules.checkMetadata("metadata", request.metadata()));
        return senders.belongsTo(tenantId, request.from()).flatMap(known -> {
            if (!known) {
                errors.addFirst(new FieldError("from", "must be the phone-number id of one of your senders"));
            }
            if (!errors.isEmpty()) {
                return Mono.error(new InvalidRequestException(errors));
            }
            NewMessage message = new NewMessage(Ids.next(clock), tenantId, null, request.from(), request.to(), request.content(),
                rules.sendInstant(request.sendAt()), MessageRules.maxAttemptsOrDefault(request.maxAttempts()), request.metadata());
            return messages.insertAll(List.of(message))
                .then(outbox.append(EventEnvelope.of(tenantId, message.scheduled(), clock)))
                .as(transaction::transactional)
                .thenReturn(message.id());
        });
    }
}
