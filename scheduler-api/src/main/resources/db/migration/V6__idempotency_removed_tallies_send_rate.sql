-- Idempotency-Key for every creating POST: the key is reserved before the request runs (so a retry never
-- runs it twice) and completed with the response to replay. scope is the tenant id, or 'operator' for /admin.
create table idempotent_requests (
    scope            text not null,
    idempotency_key  text not null,
    request_hash     bytea,
    status_code      integer,
    content_type     text,
    location         text,
    response_body    bytea,
    created_at       timestamptz not null default now(),
    primary key (scope, idempotency_key)
);
create index idempotent_requests_by_age on idempotent_requests (created_at);
-- replaced by idempotent_requests (it only knew POST /v1/messages)
drop table idempotency_keys;
-- tallies of messages removed from PostgreSQL (bulk delete, retention purge), by campaign and status, so
-- counts by status still agree with the status-projector's counters, which keep counting them
create table campaign_removed_messages (
    campaign_id  text not null,
    status       text not null,
    removed      bigint not null,
    primary key (campaign_id, status)
);
-- a sender's current rate counts its messages sent in the last seconds (sent_at is set once, by the read model)
create index messages_sent_by_sender on messages (sender_id, sent_at) where sent_at is not null;
