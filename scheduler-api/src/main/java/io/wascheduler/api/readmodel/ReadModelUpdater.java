package io.wascheduler.api.readmodel;

import io.wascheduler.model.event.EventPayload;
import io.wascheduler.model.event.MessageDispatchFailed;
import io.wascheduler.model.event.MessageDispatched;
import io.wascheduler.model.event.MessageStatusReported;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Applies one outcome or status event to its message, under the row's lock, in one transaction. */
@Service
class ReadModelUpdater {

    private final ReadModelRepository messages;
    private final TransactionalOperator transaction;
    private final Clock clock;

    ReadModelUpdater(ReadModelRepository messages, TransactionalOperator transaction, Clock clock) {
        this.messages = messages;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Events about messages this service never stored (another system on the same number) are ignored. */
    Mono<Void> apply(EventPayload event) {
        return locate(event)
            .flatMap(current -> ReadModelChange.of(current, event, clock.instant()).map(messages::save).orElse(Mono.empty()))
            .as(transaction::transactional);
    }

    private Mono<MessageSnapshot> locate(EventPayload event) {
        return switch (event) {
            case MessageDispatched dispatched -> messages.lockById(dispatched.messageId());
            case MessageDispatchFailed failed -> messages.lockById(failed.messageId());
            case MessageStatusReported reported when reported.messageId() != null -> messages.lockById(reported.messageId());
            case MessageStatusReported reported when reported.wamid() != null -> messages.lockByWamid(reported.wamid());
            default -> Mono.empty();
        };
    }
}
