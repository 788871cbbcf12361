package io.wascheduler.dispatcher.release;

import io.wascheduler.dispatcher.command.CommandFields;
import java.util.Optional;
import java.util.UUID;

/**
 * What the release check needs of a command: which event it was, its version, and whether it cancels. A
 * message's first version is not kept: the check releases version 1 when the latest command is that very
 * schedule and also when it knows of none, so keeping it would change no decision. Only cancels and edits
 * are kept, and a launch of a million messages costs the tail no memory and the table no lookups to drop them.
 */
record KeptCommand(UUID eventId, long version, boolean cancels) {

    private static final long FIRST_VERSION = 1;

    static Optional<KeptCommand> of(CommandFields command) {
        return command.cancels() || command.schedules() && command.version() > FIRST_VERSION
            ? Optional.of(new KeptCommand(command.eventId(), command.version(), command.cancels()))
            : Optional.empty();
    }
}
