-- A campaign launch writes a million message rows; what it paid for per row and nothing needs is dropped.
-- Nothing deletes a tenant, a sender or a campaign, and every message is inserted with ids the API has just
-- checked (the tenant of the API key, that tenant's sender, the campaign row it holds locked), so these
-- foreign keys only cost three lookups per inserted message.
alter table messages drop constraint messages_tenant_id_fkey;
alter table messages drop constraint messages_sender_id_fkey;
alter table messages drop constraint messages_campaign_id_fkey;
-- every tenant-scoped query of messages also names the id (primary key) or wants the SCHEDULED ones
-- (messages_scheduled_by_due)
drop index messages_by_tenant;
-- the same for uploaded recipients: the upload holds its campaign row locked, and a campaign is never deleted
alter table campaign_recipients drop constraint campaign_recipients_campaign_id_fkey;
-- A launch page stores all its MessageScheduled events in ONE outbox row: record_key and payload then hold
-- event_count keys and encoded events, newline-separated (an encoded event has no raw newline). Kept
-- uncompressed: compressing a page's megabytes costs more CPU than writing them.
alter table outbox add column event_count integer not null default 1;
alter table outbox alter column record_key set storage external;
alter table outbox alter column payload set storage external;
-- an uploaded row's vars are only ever read back whole by the launch, which parses them itself: stored as
-- the JSON text the upload wrote, PostgreSQL no longer parses and re-prints them
alter table campaign_recipients alter column vars drop default;
alter table campaign_recipients alter column vars type text;
alter table campaign_recipients alter column vars set default '{}';
