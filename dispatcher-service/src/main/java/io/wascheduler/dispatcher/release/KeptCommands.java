package io.wascheduler.dispatcher.release;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

/**
 * The commands the tail has read that the global table may not show yet: the latest per message, for the
 * release check, and per partition in the order read, which is the order the global table applies them in.
 * So dropping what the table shows stops at the first command of a partition it does not show yet, and costs
 * one look at the table per command dropped rather than one per command kept. The release check reads from
 * any thread; only the tail's thread keeps and drops.
 */
final class KeptCommands {

    private final Map<String, KeptCommand> latest = new ConcurrentHashMap<>();
    private final Map<Integer, Deque<Entry>> inReadOrder = new HashMap<>();
    private int entries;

    void keep(int partition, String messageId, KeptCommand command) {
        latest.put(messageId, command);
        inReadOrder.computeIfAbsent(partition, any -> new ArrayDeque<>()).addLast(new Entry(messageId, command));
        entries++;
    }

    /** The latest command kept for the message; null if none. */
    KeptCommand latest(String messageId) {
        return latest.get(messageId);
    }

    /** Messages with a kept command. */
    int messages() {
        return latest.size();
    }

    /** Commands kept, those a later command of the same message replaced included: what the tail's bound counts. */
    int entries() {
        return entries;
    }

    /** Drops, partition by partition from the oldest, every command that {@code tableShows(messageId, eventId)}. */
    void dropShown(BiPredicate<String, UUID> tableShows) {
        inReadOrder.values().forEach(queue -> dropShown(queue, tableShows));
    }

    private void dropShown(Deque<Entry> queue, BiPredicate<String, UUID> tableShows) {
        for (Entry oldest = queue.peekFirst(); oldest != null; oldest = queue.peekFirst()) {
            if (latest.get(oldest.messageId()) == oldest.command()) {
                if (!tableShows.test(oldest.messageId(), oldest.command().eventId())) {
                    return;
                }
                latest.remove(oldest.messageId(), oldest.command());
            }
            // otherwise a later command of the message replaced it; that one has its own place further on
            queue.pollFirst();
            entries--;
        }
    }

    private record Entry(String messageId, KeptCommand command) {
    }
}
