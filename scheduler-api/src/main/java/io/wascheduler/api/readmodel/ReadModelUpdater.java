package io.wascheduler.api.readmodel;

import io.wascheduler.model.event.EventPayload;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Applies a batch of outcome and status events to their messages, under the rows' locks, in one transaction. */
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

    /** {@code events} in offset order; events about messages this service never stored (another system on the same number) are ignored. */
    Mono<Void> apply(List<EventPayload> events) {
        ReadModelBatch.Keys keys = ReadModelBatch.keysOf(events);
        if (keys.isEmpty()) {
            return Mono.empty();
        }
        return messages.lock(keys).collectList()
            .map(locked -> ReadModelBatch.fold(locked, events, clock))
            .flatMap(folded -> messages.save(folded.changed()).then(messages.appendHistory(folded.historyEntries())))
            .as(transaction::transactional);
    }
}
