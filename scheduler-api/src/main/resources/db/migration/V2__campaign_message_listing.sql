-- Listing a campaign's messages without a status filter walks (campaign_id, id).
create index messages_by_campaign on messages (campaign_id, id);
