-- The command side's tables. Every row belongs to a tenant; every query is scoped by tenant_id.

create table tenants (
    id          text primary key,
    name        text not null,
    created_at  timestamptz not null default now()
);

-- Only the SHA-256 of a key is kept; the key itself is shown once, when the tenant is created.
create table api_keys (
    key_hash    bytea primary key,
    tenant_id   text not null references tenants (id),
    created_at  timestamptz not null default now()
);

create table senders (
    phone_number_id        text primary key,
    tenant_id              text not null references tenants (id),
    display_phone_number   text not null,
    -- AES-GCM: 12-byte nonce followed by the ciphertext and tag; the phone-number id is the associated data.
    access_token_encrypted bytea not null,
    throughput_mps         integer not null,
    status                 text not null default 'ACTIVE',
    status_reason          text,
    last_error_code        integer,
    last_error_title       text,
    last_error_detail      text,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now()
);
create index senders_by_tenant on senders (tenant_id, phone_number_id);

create table campaigns (
    id            text primary key,
    tenant_id     text not null references tenants (id),
    name          text not null,
    sender_id     text not null references senders (phone_number_id),
    content       jsonb not null,
    send_at       timestamptz,
    max_attempts  integer not null,
    status        text not null,
    total         integer not null default 0,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
-- Ids are time-ordered (UUIDv7), so keyset pagination walks (tenant_id, id).
create index campaigns_by_tenant on campaigns (tenant_id, id);
create index campaigns_by_tenant_status on campaigns (tenant_id, status, id);

create table messages (
    id               text primary key,
    tenant_id        text not null references tenants (id),
    campaign_id      text references campaigns (id),
    sender_id        text not null references senders (phone_number_id),
    recipient        text not null,
    content          jsonb not null,
    send_at          timestamptz not null,
    max_attempts     integer not null,
    metadata         jsonb not null default '{}',
    version          bigint not null default 1,
    status           text not null,
    attempts         integer not null default 0,
    next_attempt_at  timestamptz,
    wamid            text,
    sent_at          timestamptz,
    delivered_at     timestamptz,
    read_at          timestamptz,
    failed_at        timestamptz,
    error_code       integer,
    error_title      text,
    error_detail     text,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);
create index messages_by_tenant on messages (tenant_id, id);
create index messages_by_campaign_status on messages (campaign_id, status, id);
create index messages_by_wamid on messages (wamid) where wamid is not null;

create table message_history (
    id          bigserial primary key,
    message_id  text not null references messages (id) on delete cascade,
    version     bigint not null,
    status      text not null,
    at          timestamptz not null,
    detail      text
);
create index message_history_by_message on message_history (message_id, id);

-- The transactional outbox: rows are written in the same transaction as the state they announce and
-- published in id order by the relay. The payload is the encoded event, stored so a resend is byte-identical.
create table outbox (
    id          bigserial primary key,
    topic       text not null,
    record_key  text not null,
    payload     text not null,
    created_at  timestamptz not null default now()
);

create table idempotency_keys (
    tenant_id       text not null references tenants (id),
    idempotency_key text not null,
    request_hash    bytea not null,
    status_code     integer not null,
    response_body   text not null,
    location        text,
    created_at      timestamptz not null default now(),
    primary key (tenant_id, idempotency_key)
);
create index idempotency_keys_by_age on idempotency_keys (created_at);
