-- The retention purge looks for messages in a final state by the time of their last change.
create index messages_final_by_age on messages (updated_at) where status in ('DELIVERED', 'READ', 'FAILED', 'CANCELLED');
