package io.wascheduler.sandbox.ledger;

import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

import io.wascheduler.sandbox.config.SandboxProperties;

import org.springframework.stereotype.Component;

/** Every accepted send, in acceptance order, in memory: beyond the configured size the oldest are dropped. */
@Component
public class Ledger {

    private final Deque<LedgerEntry> entries = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int maxEntries;

    public Ledger(SandboxProperties properties) {
        this.maxEntries = properties.ledger().maxEntries();
    }

    public void record(LedgerEntry entry) {
        entries.addLast(entry);
        if (size.incrementAndGet() > maxEntries && entries.pollFirst() != null) {
            size.decrementAndGet();
        }
    }

    /** The entries matching every given filter; a null filter matches all. */
    List<LedgerEntry> find(String toE164, String phoneNumberId, Long sinceEpochMillis) {
        return entries.stream()
                .filter(e -> toE164 == null || e.to().equals(toE164))
                .filter(e -> phoneNumberId == null || e.phoneNumberId().equals(phoneNumberId))
                .filter(e -> sinceEpochMillis == null || e.acceptedAt() >= sinceEpochMillis)
                .toList();
    }
}
