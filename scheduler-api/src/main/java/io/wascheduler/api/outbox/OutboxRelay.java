package io.wascheduler.api.outbox;

import java.util.List;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes outbox rows to Kafka in id order, one batch at a time: read, publish all their events as one
 * Kafka transaction (a launch page's row holds many events, sent in stored order), then delete exactly those
 * rows. A round Kafka refuses is aborted whole, so readers never see a later event without the earlier ones.
 * A crash between send and delete resends the same stored bytes, so a consumer may see a duplicate but
 * never two versions of one event. A transaction-scoped advisory lock makes one relay active at a time
 * even with several instances, which keeps the id order. With Kafka down the rows simply wait. An idle relay
 * waits for {@link OutboxNotifications} to announce committed rows, and polls only as a fallback.
 */
@Component
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Arbitrary constant naming the relay's advisory lock. */
    private static final long RELAY_LOCK = 0x5743_4F55_5442_4F58L;

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final OutboxProducer producer;
    private final OutboxProperties properties;
    private final OutboxWakeups wakeups;
    private final Counter published;
    private final Counter failedRounds;
    private volatile Thread worker;
    private volatile boolean running;

    OutboxRelay(DatabaseClient db, TransactionalOperator transaction, OutboxProducer producer, OutboxProperties properties,
                OutboxWakeups wakeups, MeterRegistry meters) {
        this.db = db;
        this.wakeups = wakeups;
        this.transaction = transaction;
        this.producer = producer;
        this.properties = properties;
        this.published = Counter.builder("wa.outbox.published").description("Events the relay published to Kafka")
            .register(meters);
        this.failedRounds = Counter.builder("wa.outbox.failed.rounds")
            .description("Relay rounds that Kafka refused (retried after the back-off)").register(meters);
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::relayUntilStopped);
    }

    @Override
    public void stop() {
        running = false;
        Thread current = worker;
        if (current != null) {
            current.interrupt();
            try {
                current.join(properties.sendTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void relayUntilStopped() {
        while (running) {
            try {
                int published = relayOneBatch();
                if (published < properties.batchSize()) {
                    wakeups.await(properties.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                failedRounds.increment();
                log.warn("Outbox relay could not publish, retrying in {}: {}", properties.retryBackoff(), e.toString());
                if (!pause()) {
                    return;
                }
            }
        }
    }

    private boolean pause() {
        try {
            Thread.sleep(properties.retryBackoff());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private int relayOneBatch() {
        Integer published = db.sql("select pg_try_advisory_xact_lock(:lock) as locked")
            .bind("lock", RELAY_LOCK)
            .map(row -> Boolean.TRUE.equals(row.get("locked", Boolean.class)))
            .one()
            .flatMap(locked -> locked ? publishPending() : Mono.just(0))
            .as(transaction::transactional)
            .block();
        return published == null ? 0 : published;
    }

    /**
     * The oldest rows until they hold a batch of events (a row is never split, so a round takes at least one),
     * which keeps a round's memory bounded when launch pages of thousands of events queue up.
     */
    private Mono<Integer> publishPending() {
        return db.sql("""
                select id, topic, record_key, payload, event_count from outbox
                where id <= (select max(id) from (
                               select id, sum(event_count) over (order by id) - event_count as events_before
                               from outbox order by id limit :limit) batch
                             where events_before < :limit)
                order by id limit :limit""")
            .bind("limit", properties.batchSize())
            .map(row -> new OutboxRow(row.get("id", Long.class), row.get("topic", String.class),
                row.get("record_key", String.class), row.get("payload", String.class), row.get("event_count", Integer.class)))
            .all()
            .collectList()
            .flatMap(rows -> rows.isEmpty() ? Mono.just(0)
                : Mono.fromCallable(() -> publish(rows))
                    // waiting for Kafka must never hold one of the event-loop threads the database driver runs on
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMap(ids -> db.sql("delete from outbox where id = any(:ids)").bind("ids", ids)
                        .fetch().rowsUpdated())
                    .map(deleted -> rows.stream().mapToInt(OutboxRow::eventCount).sum())
                    .doOnNext(published::increment));
    }

    /** Blocks this relay thread until the rows' events are committed on Kafka; throws if Kafka refused any. */
    private Long[] publish(List<OutboxRow> rows) {
        producer.publish(rows.stream().flatMap(row -> row.records().stream()).toList());
        return rows.stream().map(OutboxRow::id).toArray(Long[]::new);
    }
}
