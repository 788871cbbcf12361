package io.wascheduler.api.campaign;

import io.r2dbc.postgresql.codec.Json;
import io.wascheduler.model.content.MessageContent;
import io.wascheduler.model.event.EventCodec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

/** The recipients of DRAFT campaigns, kept until launch. */
@Repository
class DraftRepository {

    private static final TypeReference<Map<String, String>> VARS = new TypeReference<>() {
    };

    /** A stored row, with its upload order. */
    record StoredRecipient(long position, String to, Map<String, String> vars) {
    }

    /** What uploads and launch need of the campaign. */
    record Draft(CampaignStatus status, String senderId, MessageContent content, Instant sendAt, int maxAttempts) {
    }

    private final DatabaseClient db;

    DraftRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Draft> lock(String tenantId, String campaignId) {
        return db.sql("select sender_id, content, send_at, max_attempts, status from campaigns "
                + "where tenant_id = :tenant and id = :id for update")
            .bind("tenant", tenantId).bind("id", campaignId)
            .map(row -> new Draft(CampaignStatus.valueOf(row.get("status", String.class)), row.get("sender_id", String.class),
                EventCodec.mapper().readValue(row.get("content", Json.class).asString(), MessageContent.class),
                row.get("send_at", Instant.class), row.get("max_attempts", Integer.class)))
            .one();
    }

    /** Inserts the rows (a recipient already in the campaign is skipped); returns how many were new. */
    Mono<Long> insert(String campaignId, List<CampaignRequest.Recipient> recipients) {
        if (recipients.isEmpty()) {
            return Mono.just(0L);
        }
        String[] to = recipients.stream().map(CampaignRequest.Recipient::to).toArray(String[]::new);
        String[] vars = recipients.stream().map(r -> EventCodec.mapper().writeValueAsString(r.varsOrEmpty())).toArray(String[]::new);
        return db.sql("""
                insert into campaign_recipients (campaign_id, recipient, vars)
                select :campaign, t, v::jsonb from unnest(cast(:to as text[]), cast(:vars as text[])) with ordinality as r(t, v, n)
                order by n
                on conflict do nothing""")
            .bind("campaign", campaignId).bind("to", to).bind("vars", vars)
            .fetch().rowsUpdated();
    }

    Mono<Long> count(String campaignId) {
        return db.sql("select count(*) as n from campaign_recipients where campaign_id = :id")
            .bind("id", campaignId).map(row -> row.get("n", Long.class)).one();
    }

    Mono<List<StoredRecipient>> page(String campaignId, long afterPosition, int limit) {
        return db.sql("""
                select position, recipient, vars from campaign_recipients
                where campaign_id = :id and position > :after order by position limit :limit""")
            .bind("id", campaignId).bind("after", afterPosition).bind("limit", limit)
            .map(row -> new StoredRecipient(row.get("position", Long.class), row.get("recipient", String.class),
                EventCodec.mapper().readValue(row.get("vars", Json.class).asString(), VARS)))
            .all().collectList();
    }

    Mono<Void> launched(String campaignId, long total, Instant sendAt) {
        return db.sql("update campaigns set status = 'SCHEDULED', total = :total, send_at = :sendAt, updated_at = now() where id = :id")
            .bind("id", campaignId).bind("total", (int) total).bind("sendAt", sendAt)
            .fetch().rowsUpdated()
            .then(db.sql("delete from campaign_recipients where campaign_id = :id").bind("id", campaignId).fetch().rowsUpdated())
            .then();
    }
}
