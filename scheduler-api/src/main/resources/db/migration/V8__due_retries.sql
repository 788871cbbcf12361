-- GET /v1/health counts a message waiting for its next attempt (SENDING, after a failed one) in the tenant's queue,
-- and in its due backlog once that attempt's instant has passed.
create index messages_retrying_by_due on messages (tenant_id, next_attempt_at) where status = 'SENDING';
