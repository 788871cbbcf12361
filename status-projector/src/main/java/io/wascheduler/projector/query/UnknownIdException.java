package io.wascheduler.projector.query;

/** The projector has never heard of this campaign or message. */
final class UnknownIdException extends RuntimeException {

    private final String kind;
    private final String id;

    UnknownIdException(String kind, String id) {
        super("Unknown " + kind + " " + id);
        this.kind = kind;
        this.id = id;
    }

    String kind() {
        return kind;
    }

    String id() {
        return id;
    }
}
