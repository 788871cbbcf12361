package io.wascheduler.api.message;

import io.wascheduler.api.outbox.Outbox;
import io.wascheduler.api.problem.ConflictException;
import io.wascheduler.api.problem.FieldError;
import io.wascheduler.api.problem.InvalidRequestException;
import io.wascheduler.api.problem.NotFoundException;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.MessageScheduled;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Edit, cancel, retry and delete. Each runs in one transaction that locks the row, checks the status
 * the contract allows, writes the change and its event (a MessageScheduled with a higher version, or
 * a MessageCancelled) to the outbox.
 */
@Service
class MessageCommands {

    static final String CANCELLED_BY_USER = "cancelled by the tenant";

    private final MessageCommandRepository messages;
    private final Outbox outbox;
    private final TransactionalOperator transaction;
    private final MessageRules rules;
    private final Clock clock;

    MessageCommands(MessageCommandRepository messages, Outbox outbox, TransactionalOperator transaction, Clock clock) {
        this.messages = messages;
        this.outbox = outbox;
        this.transaction = transaction;
        this.rules = new MessageRules(clock);
        this.clock = clock;
    }

    Mono<Void> edit(String tenantId, String id, EditMessageRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.to() == null && request.content() == null && request.sendAt() == null) {
            errors.add(new FieldError("body", "must change at least one of to, content, sendAt"));
        }
        if (request.to() != null) {
            errors.addAll(rules.checkRecipient("to", request.to()));
        }
        if (request.content() != null) {
            errors.addAll(rules.checkContent("content", request.content()));
        }
        errors.addAll(rules.checkSendAt("sendAt", request.sendAt()));
        if (!errors.isEmpty()) {
            return Mono.error(new InvalidRequestException(errors));
        }
        return locked(tenantId, id, MessageCommandRules.EDIT, current -> reschedule(tenantId,
            current.nextVersion(request.to(), request.content(), request.sendAt() == null ? null : request.sendAt().toInstant())));
    }

    Mono<Void> retry(String tenantId, String id) {
        return locked(tenantId, id, MessageCommandRules.RETRY,
            current -> reschedule(tenantId, current.nextVersion(null, null, clock.instant())));
    }

    Mono<Void> cancel(String tenantId, String id) {
        return locked(tenantId, id, MessageCommandRules.CANCEL, current -> messages
            .cancel(current.id(), current.version(), CANCELLED_BY_USER)
            .then(outbox.append(EventEnvelope.of(tenantId, current.cancelled(CANCELLED_BY_USER), clock))));
    }

    Mono<Void> delete(String tenantId, String id) {
        return locked(tenantId, id, MessageCommandRules.DELETE, current -> messages.delete(current.id()));
    }

    private Mono<Void> reschedule(String tenantId, MessageScheduled next) {
        return messages.reschedule(next).then(outbox.append(EventEnvelope.of(tenantId, next, clock)));
    }

    private Mono<Void> locked(String tenantId, String id, MessageCommandRules rule,
                              Function<CurrentMessage, Mono<Void>> command) {
        return messages.lock(tenantId, id)
            .switchIfEmpty(Mono.error(() -> new NotFoundException("No message " + id)))
            .flatMap(current -> rule.allows(current.status()) ? command.apply(current)
                : Mono.error(new ConflictException(rule.refusal(current.status()))))
            .as(transaction::transactional);
    }
}
