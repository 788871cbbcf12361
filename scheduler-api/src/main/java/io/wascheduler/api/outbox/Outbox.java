package io.wascheduler.api.outbox;

import io.wascheduler.model.event.CampaignPaused;
import io.wascheduler.model.event.CampaignResumed;
import io.wascheduler.model.event.CampaignScheduled;
import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.EventPayload;
import io.wascheduler.model.event.MessageCancelled;
import io.wascheduler.model.event.MessageScheduled;
import io.wascheduler.model.event.SenderConfigured;
import io.wascheduler.model.topic.TopicSpec;
import io.wascheduler.model.topic.Topics;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.StringJoiner;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Appends events to the outbox table. Callers run this inside the transaction that changes the state
 * the events announce, so the events exist if and only if the change committed. The encoded bytes are
 * stored, so whatever the relay sends, and however often, is byte-identical.
 */
@Component
public class Outbox {

    /** About the size of a launch's MessageScheduled: a page's buffer is sized once. */
    private static final int EXPECTED_EVENT_BYTES = 512;

    private final DatabaseClient db;

    Outbox(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> append(EventEnvelope event) {
        return appendAll(List.of(event));
    }

    /** One statement for the whole list (arrays unnested server-side), in list order. */
    public Mono<Void> appendAll(List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return Mono.empty();
        }
        String[] topics = new String[events.size()];
        String[] keys = new String[events.size()];
        String[] payloads = new String[events.size()];
        for (int i = 0; i < events.size(); i++) {
            EventEnvelope event = events.get(i);
            topics[i] = topicFor(event.payload()).name();
            keys[i] = event.key();
            payloads[i] = EventCodec.encodeToString(event);
        }
        return db.sql("""
                insert into outbox (topic, record_key, payload)
                select t, k, p from unnest(cast(:topics as text[]), cast(:keys as text[]), cast(:payloads as text[]))
                  with ordinality as e(t, k, p, position) order by position""")
            .bind("topics", topics).bind("keys", keys).bind("payloads", payloads)
            .fetch().rowsUpdated().then();
    }

    /**
     * The events of a campaign launch page, all on one topic, as ONE row: their keys and encoded events one per
     * line (encoded JSON has no raw newline), so a page costs one row to write, read and delete instead of one
     * per event. Bound as parameters, which PostgreSQL takes as they are, where COPY's text format made every
     * character of a page's megabytes be checked for escaping on both sides; the events are encoded into one buffer
     * and bound as its bytes ({@link Utf8Text}). The relay publishes them one by one, in list order, and deletes the
     * row only once every one is acknowledged, so a resend after a crash repeats the same stored bytes.
     */
    public Mono<Void> appendPage(List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return Mono.empty();
        }
        TopicSpec topic = topicFor(events.getFirst().payload());
        StringJoiner keys = new StringJoiner(String.valueOf(OutboxRow.SEPARATOR));
        ByteArrayOutputStream payloads = new ByteArrayOutputStream(events.size() * EXPECTED_EVENT_BYTES);
        for (EventEnvelope event : events) {
            if (topicFor(event.payload()) != topic || event.key().indexOf(OutboxRow.SEPARATOR) >= 0) {
                throw new IllegalArgumentException("A page holds events of one topic whose keys have no newline");
            }
            keys.add(event.key());
            if (payloads.size() > 0) {
                payloads.write(OutboxRow.SEPARATOR);
            }
            EventCodec.encode(event, payloads);
        }
        return db.sql("""
                insert into outbox (topic, record_key, payload, event_count) values (:topic, :keys, :payloads, :count)""")
            .bind("topic", topic.name()).bind("keys", keys.toString()).bind("payloads", new Utf8Text(payloads.toByteArray()))
            .bind("count", events.size())
            .fetch().rowsUpdated().then();
    }

    static TopicSpec topicFor(EventPayload payload) {
        return switch (payload) {
            case MessageScheduled ignored -> Topics.MESSAGE_COMMANDS;
            case MessageCancelled ignored -> Topics.MESSAGE_COMMANDS;
            case CampaignScheduled ignored -> Topics.CAMPAIGN_EVENTS;
            case CampaignPaused ignored -> Topics.CAMPAIGN_EVENTS;
            case CampaignResumed ignored -> Topics.CAMPAIGN_EVENTS;
            case SenderConfigured ignored -> Topics.SENDER_CONFIG;
            default -> throw new IllegalArgumentException(payload.getClass().getSimpleName() + " is not published by scheduler-api");
        };
    }
}
