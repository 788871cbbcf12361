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
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

@Service
class MessageService {

    private final MessageRepository messages;
    private final IdempotencyKeys idempotencyKeys;
    private final SenderDirectory senders;
    private final Outbox outbox;
    private final TransactionalOperator transaction;
    private final MessageRules rules;
    private final Clock clock;

    MessageService(MessageRepository messages, IdempotencyKeys idempotencyKeys, SenderDirectory senders, Outbox outbox,
                   TransactionalOperator transaction, Clock clock) {
        this.messages = messages;
        this.idempotencyKeys = idempotencyKeys;
        this.senders = senders;
        this.outbox = outbox;
        this.transaction = transaction;
        this.rules = new MessageRules(clock);
        this.clock = clock;
    }

    /**
     * Validates, then stores the message and its MessageScheduled event in one transaction. With an
     * idempotency key, a repeat of the same request answers the first result and a different request 422.
     */
    Mono<MessageView> schedule(String tenantId, ScheduleMessageRequest request, String idempotencyKey) {
        if (idempotencyKey == null) {
            return store(tenantId, request, id -> Mono.empty()).flatMap(id -> find(tenantId, id));
        }
        byte[] fingerprint = IdempotencyKeys.fingerprint(request);
        Mono<MessageView> replay = idempotencyKeys.find(tenantId, idempotencyKey)
            .flatMap(remembered -> Arrays.equals(remembered.requestHash(), fingerprint)
                ? find(tenantId, remembered.messageId())
                : Mono.error(new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT,
                    "This Idempotency-Key was used with a different request")));
        return replay.switchIfEmpty(Mono.defer(() ->
            store(tenantId, request, id -> idempotencyKeys.remember(tenantId, idempotencyKey, fingerprint, id))
                .flatMap(id -> find(tenantId, id))
                .onErrorResume(DuplicateKeyException.class, raced -> replay)));
    }

    Mono<MessageView> find(String tenantId, String id) {
        return messages.find(tenantId, id).switchIfEmpty(Mono.error(() -> new NotFoundException("No message " + id)));
    }

    private Mono<String> store(String tenantId, ScheduleMessageRequest request, Function<String, Mono<Void>> alsoInTransaction) {
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
                .then(alsoInTransaction.apply(message.id()))
                .as(transaction::transactional)
                .thenReturn(message.id());
        });
    }
}
