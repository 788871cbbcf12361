package io.wascheduler.projector.query;

/** The owner of a key cannot be asked right now (the projection is starting or rebalancing): try again shortly. */
final class ProjectionUnavailableException extends RuntimeException {

    ProjectionUnavailableException(String reason) {
        super(reason);
    }

    ProjectionUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
