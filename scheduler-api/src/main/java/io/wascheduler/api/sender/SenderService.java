package io.wascheduler.api.sender;

import io.wascheduler.api.outbox.Outbox;
import io.wascheduler.api.problem.ConflictException;
import io.wascheduler.api.problem.FieldError;
import io.wascheduler.api.problem.InvalidRequestException;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.SenderConfigured;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Service
class SenderService {

    /** Whether the call created the sender or replaced the settings of one the tenant already had. */
    record Configured(Sender sender, boolean created) {
    }

    private final SenderRepository senders;
    private final TokenCipher cipher;
    private final Outbox outbox;
    private final TransactionalOperator transaction;
    private final Clock clock;

    SenderService(SenderRepository senders, TokenCipher cipher, Outbox outbox, TransactionalOperator transaction, Clock clock) {
        this.senders = senders;
        this.cipher = cipher;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Stores the sender with its token encrypted and announces its settings (never the token) in one transaction. */
    Mono<Configured> configure(String tenantId, SenderRequest request) {
        List<FieldError> errors = SenderRules.check(request);
        if (!errors.isEmpty()) {
            return Mono.error(new InvalidRequestException(errors));
        }
        int mps = request.throughputMps() == null ? SenderRequest.DEFAULT_THROUGHPUT_MPS : request.throughputMps();
        byte[] encrypted = cipher.encrypt(request.accessToken(), request.phoneNumberId());
        EventEnvelope configured = EventEnvelope.of(tenantId, new SenderConfigured(request.phoneNumberId(), tenantId, mps), clock);
        return senders.upsert(tenantId, request, mps, encrypted)
            .switchIfEmpty(Mono.error(() -> new ConflictException("Phone-number id " + request.phoneNumberId()
                + " is registered by another tenant")))
            .flatMap(created -> outbox.append(configured)
                .then(senders.find(tenantId, request.phoneNumberId(), clock.instant()))
                .map(sender -> new Configured(sender, created)))
            .as(transaction::transactional);
    }

    Flux<Sender> list(String tenantId) {
        return senders.findAll(tenantId, clock.instant());
    }
}
