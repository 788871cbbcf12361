package io.wascheduler.api.auth;

/** The exchange attribute holding the tenant id the API key authenticated; controllers read it with @RequestAttribute. */
public final class TenantAttribute {

    public static final String NAME = "io.wascheduler.api.tenantId";

    private TenantAttribute() {
    }
}
