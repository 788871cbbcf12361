package io.wascheduler.api.outbox;

/** One stored event waiting to be published. */
record OutboxRow(long id, String topic, String key, String payload) {
}
