package io.wascheduler.api.problem;

/** The resource does not exist for this tenant (another tenant's resource looks exactly the same). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String detail) {
        super(detail);
    }
}
