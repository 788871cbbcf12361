package io.wascheduler.localstack;

import io.wascheduler.localstack.demo.DemoBootstrap;
import io.wascheduler.localstack.demo.DemoEnv;
import io.wascheduler.localstack.kafka.KafkaBroker;
import io.wascheduler.localstack.postgres.PostgresServer;
import io.wascheduler.localstack.process.HealthWaiter;
import io.wascheduler.localstack.process.JvmSpec;
import io.wascheduler.localstack.process.ManagedProcess;
import io.wascheduler.localstack.process.PortCheck;
import io.wascheduler.localstack.process.ProcessGroup;
import io.wascheduler.localstack.process.StartupFailedException;
import io.wascheduler.localstack.state.StateDirectory;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on one machine, each part its own process: a KRaft Kafka broker, PostgreSQL, the Meta
 * sandbox and the four services, plus the demo tenant and sender. {@link #close()} stops them in reverse
 * order. Run by {@code ./dev up}; tests use {@link #start(StackOptions)}.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final Duration KAFKA_READY_TIMEOUT = Duration.ofMinutes(1);
    /** The first start unpacks PostgreSQL's binaries and initialises the data folder. */
    private static final Duration POSTGRES_READY_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final StackOptions options;
    private final StackLayout layout;
    private ProcessGroup processes;
    private boolean closed;
    private DemoEnv demo;

    private LocalStack(StackOptions options) {
        this.options = options;
        this.layout = options.layout();
    }

    public static void main(String[] args) {
        if (args.length > 1 || (args.length == 1 && !"--fresh".equals(args[0]))) {
            System.err.println("usage: LocalStack [--fresh]   (run from the repository root; --fresh wipes .local-stack first)");
            System.exit(2);
        }
        LocalStack stack = new LocalStack(StackOptions.fromWorkingDirectory(args.length == 1));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-shutdown"));
        try {
            stack.startAll();
        } catch (RuntimeException e) {
            if (e instanceof StartupFailedException && !stack.isClosed()) {
                log.error("The local stack could not start: {}", e.getMessage());
            } else if (!stack.isClosed()) {
                log.error("The local stack could not start", e);
            }
            System.exit(1);
        }
        System.out.println(Banner.text(stack.layout, stack.demo));
        stack.group().reportUnexpectedExits(log::warn);
    }

    /** Starts everything and returns once every service is healthy and the demo data exists. */
    public static LocalStack start(StackOptions options) {
        LocalStack stack = new LocalStack(options);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        StateDirectory.prepare(layout.stateDirectory(), options.fresh());
        PortCheck.requireFree(layout.ports().byOwner());
        StackSecrets secrets = StackSecrets.loadOrCreate(layout.secretsFile(), new SecureRandom());
        // Finding every jar first fails a half-built checkout before anything starts.
        List<JvmSpec> services = StackServices.all(layout, secrets).stream()
            .map(service -> StackServices.spec(service, layout, options.tuning())).toList();
        String classpath = options.launcherClasspath();
        ProcessGroup group = startGroup(classpath);

        log.info("Starting Kafka (KRaft) on {}, data in {}", layout.kafkaBootstrapServers(), layout.kafkaDirectory());
        ManagedProcess kafka = group.add(KafkaBroker.start(layout.kafkaDirectory(), layout.ports().kafka(),
            layout.ports().kafkaController(), classpath, options.tuning().brokerJvmOptions(), layout.logFile("kafka")),
            STOP_GRACE);
        KafkaBroker.awaitReadyAndCreateTopics(kafka, layout.kafkaBootstrapServers(), KAFKA_READY_TIMEOUT);

        log.info("Starting PostgreSQL on port {}, data in {}", layout.ports().postgres(), layout.postgresDataDirectory());
        ManagedProcess postgres = group.add(PostgresServer.start(layout.postgresDataDirectory(), layout.ports().postgres(),
            StackLayout.DATABASE, StackLayout.DATABASE_USER, secrets.postgresPassword(), classpath, layout.logFile("postgres")),
            STOP_GRACE);
        PostgresServer.awaitReady(postgres, POSTGRES_READY_TIMEOUT);

        for (JvmSpec service : services) {
            log.info("Starting {} on port {}", service.name(), service.healthUrl().getPort());
            group.addService(ManagedProcess.start(service, layout.logFile(service.name())), STOP_GRACE);
        }
        new HealthWaiter(log::info).awaitUp(group.services(), options.healthTimeout());

        demo = new DemoBootstrap().run(new DemoBootstrap.StackAccess(layout.httpBase(layout.ports().schedulerApi()),
            layout.httpBase(layout.ports().metaSandbox()), secrets.adminToken(), secrets.appSecret(), secrets.verifyToken(),
            secrets.demoAccessToken()), layout.demoEnvFile());
    }

    private synchronized ProcessGroup startGroup(String classpath) {
        if (closed) {
            throw new StartupFailedException("The stack is stopping");
        }
        processes = ProcessGroup.guarded(classpath, layout.logFile("orphan-guard"));
        return processes;
    }

    private synchronized ProcessGroup group() {
        return processes;
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    public StackLayout layout() {
        return layout;
    }

    /** The demo tenant's key and sender, as also written to {@code demo.env}. */
    public DemoEnv demo() {
        return demo;
    }

    /** Stops the services together, then the broker, then PostgreSQL; each gets a grace period, then is killed. */
    @Override
    public void close() {
        ProcessGroup started;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            started = processes;
        }
        if (started != null) {
            log.info("Stopping the local stack");
            started.stopAll(STOP_GRACE, log::info);
            log.info("The local stack is stopped");
        }
    }
}
