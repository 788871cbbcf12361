package io.wascheduler.api.campaign;

import io.r2dbc.postgresql.codec.Json;
import io.wascheduler.model.content.MessageContent;
import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.event.MessageCancelled;
import io.wascheduler.model.event.MessageScheduled;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

/** Set-based writes over a campaign's messages; each returns the events that announce what it changed. */
@Repository
class CampaignCommandRepository {

    private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() {
    };

    private final DatabaseClient db;

    CampaignCommandRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Locks the campaign row and returns its status; empty when the tenant has no such campaign. */
    Mono<CampaignStatus> lock(String tenantId, String campaignId) {
        return db.sql("select status from campaigns where tenant_id = :tenant and id = :id for update")
            .bind("tenant", tenantId).bind("id", campaignId)
            .map(row -> CampaignStatus.valueOf(row.get("status", String.class))).one();
    }

    Mono<Void> setStatus(String campaignId, CampaignStatus status) {
        return db.sql("update campaigns set status = :status, updated_at = now() where id = :id")
            .bind("id", campaignId).bind("status", status.name()).fetch().rowsUpdated().then();
    }

    Mono<List<MessageCancelled>> cancelScheduled(String campaignId, String reason) {
        return db.sql("""
                with cancelled as (
                  update messages set status = 'CANCELLED', next_attempt_at = null, updated_at = now()
                  where campaign_id = :campaign and status in ('SCHEDULED', 'SENDING')
                  returning id, version, sender_id),
                history as (
                  insert into message_history (message_id, version, status, at, detail)
                  select id, version, 'CANCELLED', now(), :reason from cancelled)
                select id, version, sender_id from cancelled order by id""")
            .bind("campaign", campaignId).bind("reason", reason)
            .map(row -> new MessageCancelled(row.get("id", String.class), row.get("version", Long.class), campaignId,
                row.get("sender_id", String.class), reason))
            .all().collectList();
    }

    /** Every FAILED message becomes a new version due at {@code sendAt}, its previous attempts forgotten. */
    Mono<List<MessageScheduled>> rescheduleFailed(String campaignId, Instant sendAt) {
        return db.sql("""
                with retried as (
                  update messages set version = version + 1, status = 'SCHEDULED', send_at = :sendAt, attempts = 0,
                    next_attempt_at = null, wamid = null, sent_at = null, delivered_at = null, read_at = null,
                    failed_at = null, error_code = null, error_title = null, error_detail = null, updated_at = now()
                  where campaign_id = :campaign and status = 'FAILED'
                  returning id, version, sender_id, recipient, content, send_at, max_attempts, metadata),
                history as (
                  insert into message_history (message_id, version, status, at)
                  select id, version, 'SCHEDULED', now() from retried)
                select * from retried order by id""")
            .bind("campaign", campaignId).bind("sendAt", sendAt)
            .map(row -> new MessageScheduled(row.get("id", String.class), row.get("version", Long.class), campaignId,
                row.get("sender_id", String.class), row.get("recipient", String.class),
                EventCodec.mapper().readValue(row.get("content", Json.class).asString(), MessageContent.class),
                row.get("send_at", Instant.class), row.get("max_attempts", Integer.class),
                EventCodec.mapper().readValue(row.get("metadata", Json.class).asString(), METADATA)))
            .all().collectList();
    }
}
