package io.wascheduler.api.message;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import io.wascheduler.api.copy.CopyIn;
import io.wascheduler.api.copy.CopyRows;
import io.wascheduler.model.content.MessageContent;
import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.event.MessageScheduled;
import io.wascheduler.model.lifecycle.MessageStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

/** The messages table. Inserts are one statement per call whatever the count (arrays unnested server-side). */
@Repository
public class MessageRepository {

    private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() {
    };

    /** A campaign's messages carry no metadata: the JSON of an empty map, without asking Jackson each time. */
    private static final String NO_METADATA = "{}";
    /** Status names by rank: the order a version's history entries are listed in. */
    private static final String[] LIFECYCLE_ORDER = Arrays.stream(MessageStatus.values())
        .sorted(Comparator.comparingInt(MessageStatus::rank)).map(MessageStatus::name).toArray(String[]::new);

    private final DatabaseClient db;
    private final CopyIn copy;

    MessageRepository(DatabaseClient db, CopyIn copy) {
        this.db = db;
        this.copy = copy;
    }

    public Mono<Void> insertAll(List<NewMessage> messages) {
        int n = messages.size();
        String[] ids = new String[n];
        String[] tenants = new String[n];
        String[] campaigns = new String[n];
        String[] senders = new String[n];
        String[] recipients = new String[n];
        String[] contents = new String[n];
        String[] sendAts = new String[n];
        Integer[] maxAttempts = new Integer[n];
        String[] metadata = new String[n];
        for (int i = 0; i < n; i++) {
            NewMessage m = messages.get(i);
            ids[i] = m.id();
            tenants[i] = m.tenantId();
            campaigns[i] = m.campaignId();
            senders[i] = m.senderId();
            recipients[i] = m.to();
            contents[i] = EventCodec.mapper().writeValueAsString(m.content());
            sendAts[i] = m.sendAt().toString();
            maxAttempts[i] = m.maxAttempts();
            metadata[i] = EventCodec.mapper().writeValueAsString(m.metadata());
        }
        Mono<Long> insertMessages = db.sql("""
                insert into messages (id, tenant_id, campaign_id, sender_id, recipient, content, send_at, max_attempts,
                                      metadata, version, status)
                select id, tenant, campaign, sender, recipient, content::jsonb, send_at::timestamptz, max_attempts,
                       metadata::jsonb, 1, 'SCHEDULED'
                from unnest(cast(:ids as text[]), cast(:tenants as text[]), cast(:campaigns as text[]),
                            cast(:senders as text[]), cast(:recipients as text[]), cast(:contents as text[]),
                            cast(:sendAts as text[]), cast(:maxAttempts as int[]), cast(:metadata as text[]))
                  as m(id, tenant, campaign, sender, recipient, content, send_at, max_attempts, metadata)""")
            .bind("ids", ids).bind("tenants", tenants).bind("campaigns", campaigns).bind("senders", senders)
            .bind("recipients", recipients).bind("contents", contents).bind("sendAts", sendAts)
            .bind("maxAttempts", maxAttempts).bind("metadata", metadata)
            .fetch().rowsUpdated();
        Mono<Long> insertHistory = db.sql("""
                insert into message_history (message_id, version, status, at)
                select id, 1, 'SCHEDULED', now() from unnest(cast(:ids as text[])) as m(id)""")
            .bind("ids", ids).fetch().rowsUpdated();
        return insertMessages.then(insertHistory).then();
    }

    /**
     * COPYs version-1 SCHEDULED messages in list order, without history rows: their first SCHEDULED entry is
     * derived from the message row when the history is read.
     */
    public Mono<Void> copyAll(List<NewMessage> messages) {
        CopyRows rows = new CopyRows(messages.size());
        for (NewMessage m : messages) {
            rows.add(m.id()).add(m.tenantId()).add(m.campaignId()).add(m.senderId()).add(m.to())
                .add(EventCodec.mapper().writeValueAsString(m.content())).add(m.sendAt().toString()).add(m.maxAttempts())
                .add(m.metadata().isEmpty() ? NO_METADATA : EventCodec.mapper().writeValueAsString(m.metadata()))
                .add(MessageScheduled.FIRST_VERSION).add("SCHEDULED").endRow();
        }
        return copy.copy("messages (id, tenant_id, campaign_id, sender_id, recipient, content, send_at, max_attempts, metadata, "
            + "version, status)", rows).then();
    }

    Mono<MessageView> find(String tenantId, String id) {
        return db.sql("select * from messages where tenant_id = :tenant and id = :id")
            .bind("tenant", tenantId).bind("id", id)
            .map(MessageRepository::toView).one()
            .flatMap(view -> history(id).collectList().map(view::withHistory));
    }

    /**
     * Entries per version in lifecycle order, not in the order they were stored: outcomes and statuses reach the
     * read model through separate topics, so a READ may be stored before its SENT, and Meta's whole-second
     * timestamps cannot order a SENT and a READ of the same second.
     */
    private Flux<MessageView.HistoryEntry> history(String id) {
        // a message scheduled by a campaign launch has no history row for its first SCHEDULED: it is its creation
        return db.sql("""
                select version, status, at, detail from (
                  select 0 as seq, 1::bigint as version, 'SCHEDULED' as status, created_at as at, null::text as detail
                  from messages m where m.id = :id and not exists (
                    select 1 from message_history h where h.message_id = m.id and h.version = 1 and h.status = 'SCHEDULED')
                  union all
                  select id, version, status, at, detail from message_history where message_id = :id) entries
                order by version, array_position(cast(:lifecycle as text[]), status), seq""")
            .bind("id", id).bind("lifecycle", LIFECYCLE_ORDER)
            .map(row -> new MessageView.HistoryEntry(row.get("status", String.class), row.get("version", Long.class),
                row.get("at", Instant.class), row.get("detail", String.class)))
            .all();
    }

    /** Row to view; shared with the campaign's message listing. */
    public static MessageView toView(Readable row) {
        Integer errorCode = row.get("error_code", Integer.class);
        String errorTitle = row.get("error_title", String.class);
        MessageView.Error error = errorCode == null && errorTitle == null ? null
            : new MessageView.Error(errorCode, errorTitle, row.get("error_detail", String.class));
        return new MessageView(
            row.get("id", String.class), row.get("campaign_id", String.class), row.get("sender_id", String.class),
            row.get("recipient", String.class),
            EventCodec.mapper().readValue(row.get("content", Json.class).asString(), MessageContent.class),
            row.get("send_at", Instant.class), row.get("max_attempts", Integer.class),
            EventCodec.mapper().readValue(row.get("metadata", Json.class).asString(), METADATA),
            row.get("status", String.class), row.get("version", Long.class), row.get("attempts", Integer.class),
            row.get("next_attempt_at", Instant.class), row.get("wamid", String.class), row.get("sent_at", Instant.class),
            row.get("delivered_at", Instant.class), row.get("read_at", Instant.class), row.get("failed_at", Instant.class),
            error, row.get("created_at", Instant.class), row.get("updated_at", Instant.class), null);
    }
}
