-- GET /v1/health counts a tenant's scheduled messages and the due ones among them.
create index messages_scheduled_by_due on messages (tenant_id, send_at) where status = 'SCHEDULED';
