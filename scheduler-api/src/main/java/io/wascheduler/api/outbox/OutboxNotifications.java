package io.wascheduler.api.outbox;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.ConnectionFactory;
import io.wascheduler.api.PostgresConnections;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Listens on the channel the outbox's trigger notifies (migration V9) on a connection of its own, outside the
 * pool, and wakes the relay on each notification. Once listening it wakes the relay too: rows committed before
 * the LISTEN took effect were not announced. A lost connection is replaced after {@link #RELISTEN_AFTER};
 * meanwhile the relay's poll interval bounds the delay.
 */
@Component
class OutboxNotifications implements SmartLifecycle {

    static final String CHANNEL = "wa_outbox";
    private static final Logger log = LoggerFactory.getLogger(OutboxNotifications.class);
    private static final Duration RELISTEN_AFTER = Duration.ofSeconds(1);

    private final ConnectionFactory connections;
    private final OutboxWakeups wakeups;
    private volatile Disposable listening;

    OutboxNotifications(ConnectionFactory connections, OutboxWakeups wakeups) {
        // held for as long as the service runs, so not taken from the pool
        this.connections = PostgresConnections.unpooled(connections);
        this.wakeups = wakeups;
    }

    @Override
    public void start() {
        Mono<PostgresqlConnection> connection = Mono.from(connections.create())
            .map(created -> PostgresConnections.unwrap(created, "Outbox notifications"));
        listening = Flux.usingWhen(connection, this::listen, PostgresqlConnection::close)
            .retryWhen(Retry.fixedDelay(Long.MAX_VALUE, RELISTEN_AFTER)
                .doBeforeRetry(failure -> log.warn("Not listening for outbox rows, trying again in {}: {}",
                    RELISTEN_AFTER, failure.failure().toString())))
            .repeatWhen(ended -> ended.delayElements(RELISTEN_AFTER))
            .subscribe(notification -> wakeups.wake());
    }

    private Flux<?> listen(PostgresqlConnection connection) {
        return connection.createStatement("LISTEN " + CHANNEL).execute().flatMap(PostgresqlResult::getRowsUpdated)
            .then(Mono.fromRunnable(wakeups::wake))
            .thenMany(connection.getNotifications());
    }

    @Override
    public void stop() {
        Disposable current = listening;
        if (current != null) {
            current.dispose();
        }
        listening = null;
    }

    @Override
    public boolean isRunning() {
        return listening != null;
    }
}
