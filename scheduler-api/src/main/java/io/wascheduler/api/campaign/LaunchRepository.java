package io.wascheduler.api.campaign;

import io.wascheduler.model.event.EventCodec;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

/**
 * The state of a launch: a LAUNCHING campaign still holds the recipients not yet turned into messages, so
 * whatever committed is done and what remains is exactly what a resumed launch still has to schedule.
 */
@Repository
class LaunchRepository {

    private static final TypeReference<Map<String, String>> VARS = new TypeReference<>() {
    };

    /** A stored row, with its upload order. */
    record StoredRecipient(long position, String to, Map<String, String> vars) {
    }

    /** A campaign left LAUNCHING. */
    record Interrupted(String tenantId, String campaignId) {
    }

    private final DatabaseClient db;

    LaunchRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Long> countRecipients(String campaignId) {
        return db.sql("select count(*) as n from campaign_recipients where campaign_id = :id")
            .bind("id", campaignId).map(row -> row.get("n", Long.class)).one();
    }

    Mono<Void> startLaunching(String campaignId, long total, Instant sendAt) {
        return db.sql("update campaigns set status = 'LAUNCHING', total = :total, send_at = :sendAt, updated_at = now() where id = :id")
            .bind("id", campaignId).bind("total", (int) total).bind("sendAt", sendAt)
            .fetch().rowsUpdated().then();
    }

    /**
     * Share-locks a LAUNCHING campaign's row for a page's transaction (pages run side by side; marking the
     * campaign SCHEDULED waits for them); empty when it is no longer LAUNCHING.
     */
    Mono<Boolean> shareLaunching(String campaignId) {
        return lockLaunching(campaignId, "for share");
    }

    /** Locks a LAUNCHING campaign's row once no page transaction holds it; empty when it is no longer LAUNCHING. */
    Mono<Boolean> lockLaunching(String campaignId) {
        return lockLaunching(campaignId, "for update");
    }

    private Mono<Boolean> lockLaunching(String campaignId, String lock) {
        return db.sql("select status from campaigns where id = :id " + lock)
            .bind("id", campaignId)
            .map(row -> CampaignStatus.LAUNCHING.name().equals(row.get("status", String.class)))
            .one()
            .filter(Boolean::booleanValue);
    }

    /**
     * Takes (deletes, in the caller's transaction) the first recipients after {@code afterPosition} that no other
     * page holds, in upload order: pages scheduled side by side never share a recipient, and a page whose
     * transaction rolls back leaves its recipients in place. Locking and deleting in one statement touches each
     * row once; walking by position skips the index entries of the recipients already taken.
     */
    Mono<List<StoredRecipient>> takeRecipientsAfter(String campaignId, long afterPosition, int limit) {
        return db.sql("""
                delete from campaign_recipients where ctid = any(array(
                  select ctid from campaign_recipients
                  where campaign_id = :id and position > :after order by position limit :limit
                  for update skip locked))
                returning position, recipient, vars""")
            .bind("id", campaignId).bind("after", afterPosition).bind("limit", limit)
            .map(row -> new StoredRecipient(row.get("position", Long.class), row.get("recipient", String.class),
                EventCodec.mapper().readValue(row.get("vars", String.class), VARS)))
            .all()
            .sort(Comparator.comparingLong(StoredRecipient::position))
            .collectList();
    }

    /** LAUNCHING → SCHEDULED once no recipient is left (one may be, when a page's transaction rolled back). */
    Mono<Boolean> launchedIfNoneLeft(String campaignId) {
        return db.sql("""
                update campaigns set status = 'SCHEDULED', updated_at = now()
                where id = :id and status = 'LAUNCHING' and not exists (select 1 from campaign_recipients where campaign_id = :id)""")
            .bind("id", campaignId).fetch().rowsUpdated().map(updated -> updated > 0);
    }

    Mono<Boolean> isLaunching(String campaignId) {
        return db.sql("select status from campaigns where id = :id").bind("id", campaignId)
            .map(row -> CampaignStatus.LAUNCHING.name().equals(row.get("status", String.class))).one();
    }

    /** Campaigns whose launch was interrupted (the instance stopped or crashed part-way). */
    Flux<Interrupted> interruptedLaunches() {
        return db.sql("select tenant_id, id from campaigns where status = 'LAUNCHING' order by id")
            .map(row -> new Interrupted(row.get("tenant_id", String.class), row.get("id", String.class))).all();
    }
}
