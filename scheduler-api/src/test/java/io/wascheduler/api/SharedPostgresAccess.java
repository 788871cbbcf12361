package io.wascheduler.api;

import io.wascheduler.embeddedpostgres.EmbeddedPostgres;

/** The per-JVM PostgreSQL for tests in other packages that need their own database on it. */
public final class SharedPostgresAccess {

    private SharedPostgresAccess() {
    }

    public static EmbeddedPostgres get() {
        return SharedPostgres.get();
    }
}
