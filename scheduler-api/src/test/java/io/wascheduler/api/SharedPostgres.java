package io.wascheduler.api;

import io.wascheduler.embeddedpostgres.EmbeddedPostgres;

/** One real PostgreSQL per test JVM, shared by every Spring test class; stopped (and deleted) at JVM exit. */
final class SharedPostgres {

    private static final EmbeddedPostgres INSTANCE = start();

    private SharedPostgres() {
    }

    static EmbeddedPostgres get() {
        return INSTANCE;
    }

    private static EmbeddedPostgres start() {
        EmbeddedPostgres postgres = EmbeddedPostgres.startTemporary();
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "embedded-postgres-stop"));
        return postgres;
    }
}
