package io.wascheduler.api.campaign;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import io.wascheduler.api.message.MessageRepository;
import io.wascheduler.api.message.MessageView;
import io.wascheduler.model.content.MessageContent;
import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.lifecycle.MessageStatus;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class CampaignRepository {

    /**
     * Campaigns with the status the API shows: a launched (scheduled or paused) campaign none of whose messages
     * is still to be sent or awaiting delivery, counting the ones removed since (bulk delete, retention), is
     * {@code COMPLETED}. One rule for the listing, its filter and a single campaign.
     */
    private static final String WITH_SHOWN_STATUS = """
        select c.*, case when c.status in ('SCHEDULED', 'PAUSED') and c.total > 0
            and not exists (select 1 from messages m where m.campaign_id = c.id and m.status in ('SCHEDULED', 'SENDING', 'SENT'))
            and not exists (select 1 from campaign_removed_messages r
                            where r.campaign_id = c.id and r.status in ('SCHEDULED', 'SENDING', 'SENT') and r.removed > 0)
          then 'COMPLETED' else c.status end as shown_status
        from campaigns c""";

    private final DatabaseClient db;

    CampaignRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> insert(String tenantId, CampaignView campaign) {
        GenericExecuteSpec insert = db.sql("""
                insert into campaigns (id, tenant_id, name, sender_id, content, send_at, max_attempts, status, total)
                values (:id, :tenant, :name, :sender, cast(:content as jsonb), :sendAt, :maxAttempts, :status, :total)""")
            .bind("id", campaign.id()).bind("tenant", tenantId).bind("name", campaign.name())
            .bind("sender", campaign.from()).bind("content", EventCodec.mapper().writeValueAsString(campaign.content()))
            .bind("maxAttempts", campaign.maxAttempts())
            .bind("status", campaign.status()).bind("total", (int) campaign.total());
        insert = campaign.sendAt() == null ? insert.bindNull("sendAt", Instant.class) : insert.bind("sendAt", campaign.sendAt());
        return insert.fetch().rowsUpdated().then();
    }

    Mono<CampaignView> find(String tenantId, String id) {
        return db.sql(WITH_SHOWN_STATUS + " where c.tenant_id = :tenant and c.id = :id")
            .bind("tenant", tenantId).bind("id", id)
            .map(CampaignRepository::toView).one();
    }

    /** Newest first; the status filter applies to the status shown, so {@code COMPLETED} is a filter too. */
    Flux<CampaignView> list(String tenantId, ListQuery query) {
        String sql = "select * from (" + WITH_SHOWN_STATUS + " where c.tenant_id = :tenant"
            + (query.afterId() == null ? "" : " and c.id < :after") + ") shown"
            + (query.status() == null ? "" : " where shown_status = :status")
            + " order by id desc limit :limit";
        GenericExecuteSpec select = db.sql(sql).bind("tenant", tenantId).bind("limit", query.limit() + 1);
        select = query.status() == null ? select : select.bind("status", query.status());
        select = query.afterId() == null ? select : select.bind("after", query.afterId());
        return select.map(CampaignRepository::toView).all();
    }

    /** Oldest first, without history. */
    Flux<MessageView> messages(String campaignId, ListQuery query) {
        String sql = "select * from messages where campaign_id = :campaign"
            + (query.status() == null ? "" : " and status = :status")
            + (query.afterId() == null ? "" : " and id > :after")
            + " order by id limit :limit";
        GenericExecuteSpec select = db.sql(sql).bind("campaign", campaignId).bind("limit", query.limit() + 1);
        select = query.status() == null ? select : select.bind("status", query.status());
        select = query.afterId() == null ? select : select.bind("after", query.afterId());
        return select.map(MessageRepository::toView).all();
    }

    Mono<Map<MessageStatus, Long>> countsByStatus(String campaignId) {
        // removed messages (bulk delete, retention) still count, as they do in the status-projector's counters
        return db.sql("""
                select status, sum(n)::bigint as n from (
                  select status, count(*) as n from messages where campaign_id = :id group by status
                  union all
                  select status, removed from campaign_removed_messages where campaign_id = :id) counted
                group by status""")
            .bind("id", campaignId)
            .map(row -> Map.entry(MessageStatus.valueOf(row.get("status", String.class)), row.get("n", Long.class)))
            .all()
            .collect(() -> new EnumMap<>(MessageStatus.class), (counts, entry) -> counts.put(entry.getKey(), entry.getValue()));
    }

    private static CampaignView toView(Readable row) {
        return new CampaignView(row.get("id", String.class), row.get("name", String.class), row.get("sender_id", String.class),
            row.get("shown_status", String.class), row.get("total", Integer.class),
            EventCodec.mapper().readValue(row.get("content", Json.class).asString(), MessageContent.class),
            row.get("send_at", Instant.class), row.get("max_attempts", Integer.class), row.get("created_at", Instant.class),
            null, null, null, null);
    }
}
