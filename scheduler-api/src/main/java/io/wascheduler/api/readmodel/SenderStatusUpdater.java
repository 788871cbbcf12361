package io.wascheduler.api.readmodel;

import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.MetaError;
import io.wascheduler.model.event.SenderStatusChanged;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Shows the dispatcher's pauses: a PAUSED sender with its reason and Meta's last error. */
@Component
class SenderStatusUpdater {

    private final DatabaseClient db;

    SenderStatusUpdater(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> apply(EventEnvelope event) {
        if (!(event.payload() instanceof SenderStatusChanged changed)) {
            return Mono.empty();
        }
        GenericExecuteSpec update = db.sql("""
                update senders set status = :status, status_reason = :reason,
                  last_error_code = coalesce(:code, last_error_code), last_error_title = coalesce(:title, last_error_title),
                  last_error_detail = coalesce(:detail, last_error_detail), updated_at = now()
                where phone_number_id = :id""")
            .bind("id", changed.phoneNumberId()).bind("status", changed.state().name());
        MetaError error = changed.lastError();
        update = changed.reason() == null ? update.bindNull("reason", String.class) : update.bind("reason", changed.reason());
        update = error == null ? update.bindNull("code", Integer.class) : update.bind("code", error.code());
        update = error == null || error.title() == null ? update.bindNull("title", String.class) : update.bind("title", error.title());
        update = error == null || error.detail() == null ? update.bindNull("detail", String.class) : update.bind("detail", error.detail());
        return update.fetch().rowsUpdated().then();
    }
}
