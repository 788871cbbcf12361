package io.wascheduler.dispatcher.release;

import io.wascheduler.dispatcher.command.CommandFields;
import java.util.Optional;
import java.util.UUID;

/**
 * What the release check needs of a command: which event it was, its version, and whether it cancels. Only
 * cancels and edits are kept ({@link CommandFields#isFirstSchedule()}), so a launch of a million messages costs
 * the tail no memory and the table no lookups to drop them.
 */
record KeptCommand(UUID eventId, long version, boolean cancels) {

    static Optional<KeptCommand> of(CommandFields command) {
        return command.cancels() || command.schedules() && !command.isFirstSchedule()
            ? Optional.of(new KeptCommand(command.eventId(), command.version(), command.cancels()))
            : Optional.empty();
    }
}
