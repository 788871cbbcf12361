package io.wascheduler.api.message;

/**
 * Messages leave PostgreSQL (bulk delete, retention purge) while the status-projector keeps counting them, so
 * every removal adds the removed campaign messages to {@code campaign_removed_messages} (by campaign and
 * status) in the same statement: counts by status plus these tallies stay equal to the projector's counters.
 */
public final class RemovedMessages {

    private RemovedMessages() {
    }

    /**
     * Wraps a {@code delete from messages ... returning campaign_id, status} so that it also tallies what it
     * removed; the statement answers one row, {@code removed}, the number of messages deleted.
     */
    public static String tallying(String deleteReturningCampaignAndStatus) {
        return """
            with removed as (%s),
            tallied as (
              insert into campaign_removed_messages (campaign_id, status, removed)
              select campaign_id, status, count(*) from removed where campaign_id is not null group by campaign_id, status
              on conflict (campaign_id, status) do update set removed = campaign_removed_messages.removed + excluded.removed)
            select count(*) as removed from removed""".formatted(deleteReturningCampaignAndStatus);
    }
}
