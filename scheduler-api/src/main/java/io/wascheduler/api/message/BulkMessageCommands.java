package io.wascheduler.api.message;

import io.wascheduler.api.problem.ConflictException;
import io.wascheduler.api.problem.FieldError;
import io.wascheduler.api.problem.InvalidRequestException;
import io.wascheduler.api.problem.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** One action over many ids; each id is its own transaction and its own outcome, in request order. */
@Service
class BulkMessageCommands {

    private final MessageCommands commands;

    BulkMessageCommands(MessageCommands commands) {
        this.commands = commands;
    }

    Mono<BulkRequest.Results> apply(String tenantId, BulkRequest request) {
        List<FieldError> errors = new ArrayList<>();
        BiFunction<String, String, Mono<Void>> action = switch (request.action() == null ? "" : request.action()) {
            case "cancel" -> commands::cancel;
            case "retry" -> commands::retry;
            case "delete" -> commands::delete;
            default -> {
                errors.add(new FieldError("action", "must be one of cancel, retry, delete"));
                yield null;
            }
        };
        if (request.ids() == null || request.ids().isEmpty()) {
            errors.add(new FieldError("ids", "must list at least one id"));
        } else if (request.ids().size() > BulkRequest.MAX_IDS) {
            errors.add(new FieldError("ids", "must list at most " + BulkRequest.MAX_IDS + " ids"));
        }
        if (!errors.isEmpty()) {
            return Mono.error(new InvalidRequestException(errors));
        }
        return Flux.fromIterable(request.ids())
            .concatMap(id -> action.apply(tenantId, id)
                .thenReturn(new BulkRequest.Result(id, "OK", null))
                .onErrorResume(NotFoundException.class, e -> Mono.just(new BulkRequest.Result(id, "NOT_FOUND", null)))
                .onErrorResume(ConflictException.class, e -> Mono.just(new BulkRequest.Result(id, "CONFLICT", e.getMessage()))))
            .collectList()
            .map(BulkRequest.Results::new);
    }
}
