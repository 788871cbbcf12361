package io.wascheduler.api.campaign;

import io.r2dbc.postgresql.codec.Json;
import io.wascheduler.api.copy.CopyIn;
import io.wascheduler.api.copy.CopyRows;
import io.wascheduler.model.content.MessageContent;
import io.wascheduler.model.event.EventCodec;
import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The recipients of DRAFT campaigns, kept until launch. */
@Repository
class DraftRepository {

    /** What uploads and launch need of the campaign. */
    record Draft(CampaignStatus status, String senderId, MessageContent content, Instant sendAt, int maxAttempts) {
    }

    private final DatabaseClient db;
    private final CopyIn copy;

    DraftRepository(DatabaseClient db, CopyIn copy) {
        this.db = db;
        this.copy = copy;
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

    /**
     * Inserts the rows (a recipient already in the campaign is skipped); returns how many were new. The rows
     * are COPYed into a per-connection scratch table (emptied at every commit), then moved over in upload
     * order, skipping recipients the campaign already has.
     */
    Mono<Long> insert(String campaignId, List<CampaignRequest.Recipient> recipients) {
        if (recipients.isEmpty()) {
            return Mono.just(0L);
        }
        CopyRows rows = new CopyRows(recipients.size());
        for (CampaignRequest.Recipient recipient : recipients) {
            rows.add(recipient.to()).add(EventCodec.mapper().writeValueAsString(recipient.varsOrEmpty())).endRow();
        }
        return db.sql("""
                create temporary table if not exists recipient_upload (
                  n bigint generated always as identity, recipient text, vars text) on commit delete rows""")
            .then()
            .then(copy.copy("recipient_upload (recipient, vars)", rows))
            .then(db.sql("""
                    insert into campaign_recipients (campaign_id, recipient, vars)
                    select :campaign, recipient, vars from recipient_upload order by n
                    on conflict do nothing""")
                .bind("campaign", campaignId).fetch().rowsUpdated())
            .flatMap(inserted -> db.sql("truncate recipient_upload").then().thenReturn(inserted));
    }
}
