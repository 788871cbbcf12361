package io.wascheduler.api.copy;

import io.netty.buffer.Unpooled;
import io.wascheduler.api.PostgresConnections;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code COPY ... FROM STDIN} on the connection of the current transaction (the one {@link DatabaseClient}
 * would use), so bulk rows commit or roll back with everything else the caller writes.
 */
@Component
public class CopyIn {

    private final DatabaseClient db;

    CopyIn(DatabaseClient db) {
        this.db = db;
    }

    /** Copies the rows into {@code table (columns)}; returns how many were written. */
    public Mono<Long> copy(String tableAndColumns, CopyRows rows) {
        if (rows.rows() == 0) {
            return Mono.just(0L);
        }
        String sql = "copy " + tableAndColumns + " from stdin";
        return db.inConnection(connection -> PostgresConnections.unwrap(connection, "COPY")
            .copyIn(sql, Mono.fromSupplier(() -> Unpooled.wrappedBuffer(rows.bytes()))));
    }
}
