package io.wascheduler.localstack.postgres;

import io.wascheduler.embeddedpostgres.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * PostgreSQL's own process in the stack: starts the embedded server, stops it on SIGTERM, and exits when
 * the server dies. Run apart from the launcher so that it is stopped in order like every other part.
 */
public final class PostgresMain {

    static final String READY_MARKER = "LOCAL-STACK POSTGRES READY";
    static final String PASSWORD_VARIABLE = "WA_LOCAL_STACK_POSTGRES_PASSWORD";

    private PostgresMain() {
    }

    public static void main(String[] args) {
        if (args.length != 4 || System.getenv(PASSWORD_VARIABLE) == null) {
            throw new IllegalArgumentException("usage: PostgresMain <data directory> <port> <database> <user>, password in "
                + PASSWORD_VARIABLE);
        }
        EmbeddedPostgres postgres = EmbeddedPostgres.start(EmbeddedPostgres.Settings.persistent(
            Path.of(args[0]), Integer.parseInt(args[1]), args[2], args[3], System.getenv(PASSWORD_VARIABLE)));
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            postgres.close();
        }, "postgres-shutdown"));
        System.out.println(READY_MARKER + " " + postgres.jdbcUrl());
        Optional<ProcessHandle> server = ProcessHandle.current().children().findFirst();
        server.ifPresent(process -> process.onExit().join());
        if (!stopping.get()) {
            System.err.println("The PostgreSQL server process ended on its own; see the server log beside " + args[0]);
            System.exit(1);
        }
    }
}
