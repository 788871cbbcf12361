package io.wascheduler.model.lifecycle;

import java.util.Comparator;

/**
 * A message's status at a version. States form a join-semilattice ordered by version, then by
 * {@link MessageStatus#rank()}: {@link MessageLifecycle#merge} takes the greater, which makes the
 * lifecycle idempotent, commutative and never downgrading.
 */
public record MessageState(long version, MessageStatus status) implements Comparable<MessageState> {

    private static final Comparator<MessageState> ORDER =
        Comparator.comparingLong(MessageState::version).thenComparingInt(state -> state.status().rank());

    @Override
    public int compareTo(MessageState other) {
        return ORDER.compare(this, other);
    }
}
