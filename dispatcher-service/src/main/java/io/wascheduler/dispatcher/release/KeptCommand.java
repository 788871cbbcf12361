package io.wascheduler.dispatcher.release;

import io.wascheduler.dispatcher.command.CommandFields;
import java.util.Optional;
import java.util.UUID;

/** What the release check needs of a command: which event it was, its version, and whether it cancels. */
record KeptCommand(UUID eventId, long version, boolean cancels) {

    static Optional<KeptCommand> of(CommandFields command) {
        return command.cancels() || command.schedules()
            ? Optional.of(new KeptCommand(command.eventId(), command.version(), command.cancels()))
            : Optional.empty();
    }
}
