-- A statement that adds outbox rows notifies the relay's channel; PostgreSQL delivers the notification when the
-- transaction commits (once per transaction, however many statements), so the relay publishes a request's events
-- as soon as they are durable instead of at its next poll. The relay still polls, slowly, for anything it missed
-- while it was not listening.
create function outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('wa_outbox', '');
    return null;
end
$$;

create trigger outbox_rows_added after insert on outbox for each statement execute function outbox_notify();
