package io.wascheduler.api.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One stored row waiting to be published: one event, or a launch page's {@code eventCount} events whose keys
 * and encoded bytes are stored newline-separated.
 */
record OutboxRow(long id, String topic, String key, String payload, int eventCount) {

    static final char SEPARATOR = '\n';

    /** The row's records in stored order. */
    List<ProducerRecord<String, byte[]>> records() {
        if (eventCount == 1) {
            return List.of(record(key, payload));
        }
        String[] keys = key.split(String.valueOf(SEPARATOR), -1);
        String[] payloads = payload.split(String.valueOf(SEPARATOR), -1);
        if (keys.length != eventCount || payloads.length != eventCount) {
            throw new IllegalStateException("Outbox row " + id + " should hold " + eventCount + " events, holds "
                + keys.length + " keys and " + payloads.length + " events");
        }
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(eventCount);
        for (int i = 0; i < eventCount; i++) {
            records.add(record(keys[i], payloads[i]));
        }
        return records;
    }

    private ProducerRecord<String, byte[]> record(String recordKey, String value) {
        return new ProducerRecord<>(topic, recordKey, value.getBytes(StandardCharsets.UTF_8));
    }
}
