package io.wascheduler.api.outbox;

/**
 * Text already encoded as UTF-8, bound to a {@code text} parameter as it is ({@link Utf8TextCodec}). The driver's own
 * codec encodes a {@code String} character by character: for a launch page's megabytes of events that was 15 % of
 * scheduler-api's CPU during a launch (docs/benchmarks.md, round 11).
 *
 * @param utf8 valid UTF-8; PostgreSQL refuses anything else
 */
record Utf8Text(byte[] utf8) {
}
