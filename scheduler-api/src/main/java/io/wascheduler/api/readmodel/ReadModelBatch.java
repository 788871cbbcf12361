package io.wascheduler.api.readmodel;

import io.wascheduler.model.event.EventPayload;
import io.wascheduler.model.event.MessageDispatchFailed;
import io.wascheduler.model.event.MessageDispatched;
import io.wascheduler.model.event.MessageStatusReported;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A poll's events folded, in offset order, into the rows they change: each event meets its message as the
 * events before it in the batch left it, so the result (rows and history) is the one applying them one by
 * one gives, with one read and one write for the whole batch.
 */
final class ReadModelBatch {

    /** The rows a batch needs: messages named by id, and those known only by a wamid Meta reported. */
    record Keys(Set<String> ids, Set<String> wamids) {

        boolean isEmpty() {
            return ids.isEmpty() && wamids.isEmpty();
        }
    }

    /** Each changed row as the batch leaves it, and every change that adds a history entry, in order. */
    record Folded(Collection<MessageSnapshot> changed, List<ReadModelChange> historyEntries) {
    }

    private final Map<String, MessageSnapshot> rows = new HashMap<>();
    private final Map<String, String> idByWamid = new HashMap<>();
    private final Map<String, MessageSnapshot> changed = new LinkedHashMap<>();
    private final List<ReadModelChange> historyEntries = new ArrayList<>();

    private ReadModelBatch(Collection<MessageSnapshot> locked) {
        locked.forEach(this::put);
    }

    static Keys keysOf(List<EventPayload> events) {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> wamids = new LinkedHashSet<>();
        for (EventPayload event : events) {
            switch (event) {
                case MessageDispatched dispatched -> ids.add(dispatched.messageId());
                case MessageDispatchFailed failed -> ids.add(failed.messageId());
                case MessageStatusReported reported when reported.messageId() != null -> ids.add(reported.messageId());
                case MessageStatusReported reported when reported.wamid() != null -> wamids.add(reported.wamid());
                default -> { }
            }
        }
        return new Keys(ids, wamids);
    }

    /** Events about messages not among {@code locked} (never stored here) are ignored. */
    static Folded fold(Collection<MessageSnapshot> locked, List<EventPayload> events, Clock clock) {
        ReadModelBatch batch = new ReadModelBatch(locked);
        events.forEach(event -> batch.apply(event, clock));
        return new Folded(List.copyOf(batch.changed.values()), List.copyOf(batch.historyEntries));
    }

    private void apply(EventPayload event, Clock clock) {
        MessageSnapshot current = locate(event);
        if (current == null) {
            return;
        }
        ReadModelChange.of(current, event, clock.instant()).ifPresent(change -> {
            put(change.updated());
            changed.put(change.updated().id(), change.updated());
            if (change.recordsHistory()) {
                historyEntries.add(change);
            }
        });
    }

    private MessageSnapshot locate(EventPayload event) {
        return switch (event) {
            case MessageDispatched dispatched -> rows.get(dispatched.messageId());
            case MessageDispatchFailed failed -> rows.get(failed.messageId());
            case MessageStatusReported reported when reported.messageId() != null -> rows.get(reported.messageId());
            case MessageStatusReported reported when reported.wamid() != null -> {
                String id = idByWamid.get(reported.wamid());
                yield id == null ? null : rows.get(id);
            }
            default -> null;
        };
    }

    /** A wamid names the newest version carrying it, as the one-row lookup by wamid did. */
    private void put(MessageSnapshot row) {
        rows.put(row.id(), row);
        if (row.wamid() != null) {
            idByWamid.merge(row.wamid(), row.id(),
                (known, candidate) -> rows.get(candidate).version() > rows.get(known).version() ? candidate : known);
        }
    }
}
