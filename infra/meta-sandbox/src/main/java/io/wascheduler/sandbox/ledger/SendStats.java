package io.wascheduler.sandbox.ledger;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.stereotype.Component;

/** Per phone number id: sends accepted and errors answered by the send endpoint, by code, since start. */
@Component
public class SendStats {

    record NumberStats(long accepted, Map<String, Long> errors) {
    }

    private record Counters(LongAdder accepted, Map<Integer, LongAdder> errors) {
        Counters() {
            this(new LongAdder(), new ConcurrentHashMap<>());
        }
    }

    private final Map<String, Counters> byNumber = new ConcurrentHashMap<>();

    public void accepted(String phoneNumberId) {
        counters(phoneNumberId).accepted().increment();
    }

    public void refused(String phoneNumberId, int errorCode) {
        counters(phoneNumberId).errors().computeIfAbsent(errorCode, code -> new LongAdder()).increment();
    }

    Map<String, NumberStats> snapshot() {
        Map<String, NumberStats> snapshot = new TreeMap<>();
        byNumber.forEach((number, counters) -> {
            Map<String, Long> errors = new TreeMap<>();
            counters.errors().forEach((code, count) -> errors.put(String.valueOf(code), count.sum()));
            snapshot.put(number, new NumberStats(counters.accepted().sum(), errors));
        });
        return snapshot;
    }

    private Counters counters(String phoneNumberId) {
        return byNumber.computeIfAbsent(phoneNumberId, number -> new Counters());
    }
}
