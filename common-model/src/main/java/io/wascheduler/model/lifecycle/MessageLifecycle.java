package io.wascheduler.model.lifecycle;

import io.wascheduler.model.event.DeliveryStatus;
import io.wascheduler.model.event.EventPayload;
import io.wascheduler.model.event.MessageCancelled;
import io.wascheduler.model.event.MessageDispatchFailed;
import io.wascheduler.model.event.MessageDispatched;
import io.wascheduler.model.event.MessageScheduled;
import io.wascheduler.model.event.MessageStatusReported;
import java.util.Optional;

/**
 * The message lifecycle in one place: which state each event shows, and how a shown state combines
 * with the current one. Used by the status-projector and by scheduler-api's read model alike, so the
 * two agree by construction.
 *
 * <p>A newer version (an edit or a retry) starts over at SCHEDULED; events of older versions are then
 * ignored. Within a version the higher-ranked status wins, whatever order the events arrive in.
 *
 * <p>A retryable (not final) dispatch failure shows SENDING: the dispatcher has attempted the message and is
 * still trying, so users see it is on its way rather than still waiting for its instant. It stays SENDING until
 * it is sent, fails for good or is cancelled (all outrank SENDING), or a new version restarts it at SCHEDULED.
 */
public final class MessageLifecycle {

    private MessageLifecycle() {
    }

    /** The state an event shows, or empty for events that do not move a message (e.g. a status without a status). */
    public static Optional<MessageState> observedBy(EventPayload event) {
        return switch (event) {
            case MessageScheduled scheduled -> Optional.of(new MessageState(scheduled.version(), MessageStatus.SCHEDULED));
            case MessageCancelled cancelled -> Optional.of(new MessageState(cancelled.version(), MessageStatus.CANCELLED));
            case MessageDispatched dispatched -> Optional.of(new MessageState(dispatched.version(), MessageStatus.SENT));
            case MessageDispatchFailed failed ->
                Optional.of(new MessageState(failed.version(), failed.finalFailure() ? MessageStatus.FAILED : MessageStatus.SENDING));
            case MessageStatusReported reported -> reported.status() == null
                ? Optional.empty()
                : Optional.of(new MessageState(reported.version(), fromDelivery(reported.status())));
            default -> Optional.empty();
        };
    }

    /** The state after {@code observed} is applied to {@code current} (null when the message is unknown). */
    public static MessageState merge(MessageState current, MessageState observed) {
        if (current == null) {
            return observed;
        }
        return observed.compareTo(current) > 0 ? observed : current;
    }

    public static MessageStatus fromDelivery(DeliveryStatus status) {
        return switch (status) {
            case SENT -> MessageStatus.SENT;
            case DELIVERED -> MessageStatus.DELIVERED;
            case READ -> MessageStatus.READ;
            case FAILED -> MessageStatus.FAILED;
        };
    }
}
