-- Recipients uploaded to a DRAFT campaign, turned into messages when it is launched. The primary key
-- makes a recipient listed twice (in one upload or across uploads) count once.
create table campaign_recipients (
    campaign_id  text not null references campaigns (id) on delete cascade,
    recipient    text not null,
    vars         jsonb not null default '{}',
    position     bigserial,
    primary key (campaign_id, recipient)
);
create index campaign_recipients_in_order on campaign_recipients (campaign_id, position);
