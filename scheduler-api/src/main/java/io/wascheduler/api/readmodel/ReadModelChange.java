package io.wascheduler.api.readmodel;

import io.wascheduler.model.event.DeliveryStatus;
import io.wascheduler.model.event.EventPayload;
import io.wascheduler.model.event.MessageDispatchFailed;
import io.wascheduler.model.event.MessageDispatched;
import io.wascheduler.model.event.MessageStatusReported;
import io.wascheduler.model.event.MetaError;
import io.wascheduler.model.lifecycle.MessageLifecycle;
import io.wascheduler.model.lifecycle.MessageState;
import io.wascheduler.model.lifecycle.MessageStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * How one outcome or status event changes a stored message. The status comes from
 * {@link MessageLifecycle#merge} (never downgrading, idempotent); the details (wamid, attempts,
 * timestamps, error) are filled in only from events of the message's current version, and a timestamp
 * once set is kept, so duplicates and any arrival order give the same row.
 * <p>
 * The history gets the status an event observes the first time it is observed, whether or not it moves
 * the message's status: a READ that overtook its SENT still leaves SENT in the history when the SENT
 * arrives, so any arrival order gives the same history entries too.
 *
 * @param recorded the status this event adds to the message's history, or null when it adds none
 */
record ReadModelChange(MessageSnapshot updated, MessageStatus recorded, Instant at, String detail) {

    static Optional<ReadModelChange> of(MessageSnapshot current, EventPayload event, Instant receivedAt) {
        long version = versionOf(current, event);
        if (version != current.version()) {
            return Optional.empty();
        }
        MessageSnapshot updated = withDetails(current, event);
        MessageStatus observed = MessageLifecycle.observedBy(event).map(MessageState::status).orElse(null);
        if (observed != null) {
            updated = updated.withStatus(MessageLifecycle.merge(current.state(), new MessageState(version, observed)).status());
        }
        if (updated.equals(current)) {
            return Optional.empty();
        }
        boolean firstObserved = updated.status() != current.status() || firstTimestamped(observed, current, updated);
        MessageStatus recorded = firstObserved ? observed : null;
        return Optional.of(new ReadModelChange(updated, recorded, instantOf(event, receivedAt),
            firstObserved ? detailOf(event) : null));
    }

    boolean recordsHistory() {
        return recorded != null;
    }

    /** Whether the event set the observed status's timestamp, which no earlier event of the version had set. */
    private static boolean firstTimestamped(MessageStatus observed, MessageSnapshot current, MessageSnapshot updated) {
        if (observed == null) {
            return false;
        }
        return switch (observed) {
            case SENT -> current.sentAt() == null && updated.sentAt() != null;
            case DELIVERED -> current.deliveredAt() == null && updated.deliveredAt() != null;
            case READ -> current.readAt() == null && updated.readAt() != null;
            case FAILED -> current.failedAt() == null && updated.failedAt() != null;
            case SCHEDULED, SENDING, CANCELLED -> false;
        };
    }

    /** A status Meta reported without our callback data belongs to the version that was sent, the current one. */
    private static long versionOf(MessageSnapshot current, EventPayload event) {
        return switch (event) {
            case MessageDispatched dispatched -> dispatched.version();
            case MessageDispatchFailed failed -> failed.version();
            case MessageStatusReported reported -> reported.messageId() == null ? current.version() : reported.version();
            default -> -1;
        };
    }

    private static MessageSnapshot withDetails(MessageSnapshot current, EventPayload event) {
        return switch (event) {
            case MessageDispatched dispatched -> current.withAttempt(dispatched.attempt(), null)
                .withWamid(dispatched.wamid()).withSentAt(dispatched.dispatchedAt());
            case MessageDispatchFailed failed -> failed.finalFailure()
                ? current.withAttempt(failed.attempt(), null).withFailure(failed.failedAt(), failed.error())
                : current.withAttempt(failed.attempt(), failed.nextAttemptAt()).withFailure(null, failed.error());
            case MessageStatusReported reported -> withReportedDetails(current.withWamid(reported.wamid()), reported);
            default -> current;
        };
    }

    private static MessageSnapshot withReportedDetails(MessageSnapshot current, MessageStatusReported reported) {
        if (reported.status() == null) {
            return current;
        }
        Instant at = reported.statusAt();
        return switch (reported.status()) {
            case SENT -> current.withSentAt(at);
            case DELIVERED -> current.withDeliveredAt(at);
            case READ -> current.withReadAt(at);
            case FAILED -> current.withFailure(at, reported.errors().isEmpty() ? null : reported.errors().getFirst());
        };
    }

    private static Instant instantOf(EventPayload event, Instant receivedAt) {
        Instant at = switch (event) {
            case MessageDispatched dispatched -> dispatched.dispatchedAt();
            case MessageDispatchFailed failed -> failed.failedAt();
            case MessageStatusReported reported -> reported.statusAt();
            default -> null;
        };
        return at != null ? at : receivedAt;
    }

    private static String detailOf(EventPayload event) {
        MetaError error = switch (event) {
            case MessageDispatchFailed failed -> failed.error();
            case MessageStatusReported reported when reported.status() == DeliveryStatus.FAILED && !reported.errors().isEmpty() ->
                reported.errors().getFirst();
            default -> null;
        };
        return error == null ? null : error.code() + " " + error.title();
    }
}
