package io.wascheduler.dispatcher.release;

import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.MessageCancelled;
import io.wascheduler.model.event.MessageScheduled;
import java.util.Optional;
import java.util.UUID;

/** What the release check needs of a command: which event it was, its version, and whether it cancels. */
record KeptCommand(UUID eventId, long version, boolean cancels) {

    static Optional<KeptCommand> of(EventEnvelope envelope) {
        return switch (envelope.payload()) {
            case MessageCancelled cancelled -> Optional.of(new KeptCommand(envelope.eventId(), cancelled.version(), true));
            case MessageScheduled scheduled -> Optional.of(new KeptCommand(envelope.eventId(), scheduled.version(), false));
            default -> Optional.empty();
        };
    }
}
