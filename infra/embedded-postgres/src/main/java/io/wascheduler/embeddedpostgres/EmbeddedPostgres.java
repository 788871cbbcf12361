package io.wascheduler.embeddedpostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries packaged on Maven Central, as its own OS process. Used
 * by the local stack (persistent data folder) and by tests (a throw-away folder and a random port).
 *
 * <p>PostgreSQL refuses to run as root. When this JVM is root, the server runs inside a user namespace
 * where it is an ordinary user, while the files it writes still belong to root outside, so any folder
 * root can write works, whatever its permissions.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final String READY_LINE = "database system is ready to accept connections";
    private static final int UNPRIVILEGED_ID = 1000;

    private final Settings settings;
    private final int port;
    private final Process server;
    private final boolean deleteDataOnClose;

    /**
     * How to run the server. {@code port} 0 picks a free port. {@code durable} false turns fsync off,
     * which is right for tests and wrong for data you keep.
     */
    public record Settings(
        Path dataDirectory, int port, String database, String user, String password, boolean durable,
        Path binariesCache, Duration startTimeout) {

        public static final Path DEFAULT_BINARIES_CACHE =
            Path.of(System.getProperty("java.io.tmpdir"), "wa-scheduler-postgres-binaries");

        public Settings {
            Objects.requireNonNull(dataDirectory, "dataDirectory");
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            binariesCache = binariesCache == null ? DEFAULT_BINARIES_CACHE : binariesCache;
            startTimeout = startTimeout == null ? Duration.ofSeconds(60) : startTimeout;
        }

        public static Settings persistent(Path dataDirectory, int port, String database, String user, String password) {
            return new Settings(dataDirectory, port, database, user, password, true, null, null);
        }
    }

    private EmbeddedPostgres(Settings settings, int port, Process server, boolean deleteDataOnClose) {
        this.settings = settings;
        this.port = port;
        this.server = server;
        this.deleteDataOnClose = deleteDataOnClose;
    }

    /** A throw-away server for a test: random port, fsync off, its folder deleted on {@link #close()}. */
    public static EmbeddedPostgres startTemporary() {
        try {
            Path data = Files.createTempDirectory("wa-scheduler-pg-").resolve("data");
            return start(new Settings(data, 0, "wa_scheduler", "wa", "wa", false, null, null), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static EmbeddedPostgres start(Settings settings) {
        return start(settings, false);
    }

    private static EmbeddedPostgres start(Settings settings, boolean deleteDataOnClose) {
        Path installation = PostgresBinaries.installedUnder(settings.binariesCache());
        try {
            Path data = settings.dataDirectory().toAbsolutePath();
            Path logFile = data.resolveSibling(data.getFileName() + ".log");
            if (!Files.exists(data.resolve("PG_VERSION"))) {
                initialise(installation, settings, data, logFile);
            }
            int port = settings.port() == 0 ? freePort() : settings.port();
            long logOffset = Files.exists(logFile) ? Files.size(logFile) : 0;
            List<String> command = new ArrayList<>(List.of(installation.resolve("bin/postgres").toString(),
                "-D", data.toString(), "-p", Integer.toString(port), "-h", "127.0.0.1",
                "-c", "unix_socket_directories=", "-c", "max_connections=200"));
            if (!settings.durable()) {
                command.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
            }
            Process server = new ProcessBuilder(unprivileged(command))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
            awaitReady(server, logFile, logOffset, settings.startTimeout());
            log.info("PostgreSQL is ready on 127.0.0.1:{} (data in {})", port, data);
            return new EmbeddedPostgres(settings, port, server, deleteDataOnClose);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start PostgreSQL in " + settings.dataDirectory(), e);
        }
    }

    private static void initialise(Path installation, Settings settings, Path data, Path logFile) throws IOException {
        Files.createDirectories(data);
        run(List.of(installation.resolve("bin/initdb").toString(), "-D", data.toString(), "-U", "postgres",
            "-E", "UTF8", "--locale=C", "--auth-local=trust", "--auth-host=scram-sha-256"), null, logFile);
        // Single-user mode needs no socket and no password: the one moment the owner can set things up.
        String setup = "CREATE ROLE \"" + settings.user() + "\" LOGIN PASSWORD '" + settings.password().replace("'", "''")
            + "'\nCREATE DATABASE \"" + settings.database() + "\" OWNER \"" + settings.user() + "\"\n";
        run(List.of(installation.resolve("bin/postgres").toString(), "--single", "-D", data.toString(), "postgres"),
            setup, logFile);
    }

    private static void run(List<String> command, String input, Path logFile) throws IOException {
        Process process = new ProcessBuilder(unprivileged(command))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
            .start();
        try (Writer stdin = process.outputWriter(StandardCharsets.UTF_8)) {
            if (input != null) {
                stdin.write(input);
            }
        }
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException(command.getFirst() + " failed; see " + logFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running " + command.getFirst(), e);
        }
    }

    private static List<String> unprivileged(List<String> command) {
        if (!RunningUser.isRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("unshare", "--user",
            "--map-user=" + UNPRIVILEGED_ID, "--map-group=" + UNPRIVILEGED_ID));
        wrapped.addAll(command);
        return wrapped;
    }

    private static void awaitReady(Process server, Path logFile, long logOffset, Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IOException("PostgreSQL exited with " + server.exitValue() + "; see " + logFile);
            }
            if (newLogText(logFile, logOffset).contains(READY_LINE)) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                server.destroyForcibly();
                throw new IOException("Interrupted while PostgreSQL was starting", e);
            }
        }
        server.destroyForcibly();
        throw new IOException("PostgreSQL was not ready within " + timeout + "; see " + logFile);
    }

    private static String newLogText(Path logFile, long offset) throws IOException {
        byte[] all = Files.readAllBytes(logFile);
        return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
            StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return settings.dataDirectory().toAbsolutePath();
    }

    public String database() {
        return settings.database();
    }

    public String user() {
        return settings.user();
    }

    public String password() {
        return settings.password();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + settings.database();
    }

    public String r2dbcUrl() {
        return "r2dbc:postgresql://127.0.0.1:" + port + "/" + settings.database();
    }

    /** Stops the server with a fast shutdown (open sessions are ended, data is flushed). */
    @Override
    public void close() {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(server.pid())).start().waitFor();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
            if (deleteDataOnClose) {
                deleteRecursively(settings.dataDirectory().toAbsolutePath().getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.destroyForcibly();
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
