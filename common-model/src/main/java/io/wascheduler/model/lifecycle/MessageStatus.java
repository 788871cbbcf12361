package io.wascheduler.model.lifecycle;

/**
 * A message's status as users see it. Within one version the status only moves to a higher rank:
 * what was observed about a send (sent, failed, delivered, read) outranks what was intended
 * (scheduled, cancelled), so that any order of the same events ends in the same status.
 */
public enum MessageStatus {
    SCHEDULED(0),
    SENDING(1),
    CANCELLED(2),
    SENT(3),
    FAILED(4),
    DELIVERED(5),
    READ(6);

    private final int rank;

    MessageStatus(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    /**
     * Not yet sent: still waiting for its instant (SCHEDULED) or attempted and being retried (SENDING). A
     * campaign's funnel counts the two apart, as {@code pending} and {@code sending}.
     */
    public boolean isPending() {
        return this == SCHEDULED || this == SENDING;
    }

    /** Counted in the funnel's {@code sent}: reached SENT or later. */
    public boolean isSentOrLater() {
        return this == SENT || this == DELIVERED || this == READ;
    }

    /** No further change is expected without a new version (an edit or a retry). */
    public boolean isFinal() {
        return this == DELIVERED || this == READ || this == FAILED || this == CANCELLED;
    }
}
