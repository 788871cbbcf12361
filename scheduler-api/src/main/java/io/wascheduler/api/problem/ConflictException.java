package io.wascheduler.api.problem;

/** The request is valid but the resource's current state does not allow it: 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String detail) {
        super(detail);
    }
}
