package io.wascheduler.api;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;

/** r2dbc-postgresql's own connections and factory behind whatever wraps them (the pool), for what only they offer. */
public final class PostgresConnections {

    private PostgresConnections() {
    }

    /** @param feature what needs the driver's own API, named in the error when the driver is another */
    public static PostgresqlConnection unwrap(Connection connection, String feature) {
        Object current = connection;
        while (!(current instanceof PostgresqlConnection) && current instanceof Wrapped<?> wrapped) {
            current = wrapped.unwrap();
        }
        if (current instanceof PostgresqlConnection postgres) {
            return postgres;
        }
        throw new IllegalStateException(feature + " needs r2dbc-postgresql, got " + connection.getClass().getName());
    }

    /** The driver's own factory behind the pool: for a connection held as long as the service runs. */
    public static ConnectionFactory unpooled(ConnectionFactory factory) {
        ConnectionFactory current = factory;
        while (current instanceof Wrapped<?> wrapped && wrapped.unwrap() instanceof ConnectionFactory inner) {
            current = inner;
        }
        return current;
    }
}
