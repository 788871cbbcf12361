package io.wascheduler.webhook.parse;

/**
 * A webhook body exactly as Meta sent it, with the record key it is kept under: the first
 * {@code phone_number_id} it names, else the first entry's WABA id, else null.
 */
public record RawWebhook(String key, byte[] body) {
}
