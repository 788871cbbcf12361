package io.wascheduler.webhook.parse;

import static io.wascheduler.webhook.parse.JsonFields.objects;
import static io.wascheduler.webhook.parse.JsonFields.text;

import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.EventPayload;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Turns a webhook body into events: every status of every change of every entry, and every inbound
 * message. Only {@code messages} changes carry them; every other kind ({@code account_update},
 * {@code message_template_status_update}, ...) and every field this code does not know reach the raw
 * topic untouched. Any JSON document is accepted; only a body that is not JSON is refused.
 */
public final class WebhookParser {

    private static final String MESSAGES_FIELD = "messages";

    private final Clock clock;

    public WebhookParser(Clock clock) {
        this.clock = clock;
    }

    public ParsedWebhook parse(byte[] body) {
        JsonNode root = readTree(body);
        Instant receivedAt = clock.instant();
        List<EventEnvelope> statuses = new ArrayList<>();
        List<EventEnvelope> inbound = new ArrayList<>();
        String phoneNumberId = null;
        for (JsonNode entry : objects(root, "entry")) {
            for (JsonNode change : objects(entry, "changes")) {
                JsonNode value = change.path("value");
                String senderId = text(value.path("metadata"), "phone_number_id");
                phoneNumberId = phoneNumberId != null ? phoneNumberId : senderId;
                if (!MESSAGES_FIELD.equals(text(change, "field"))) {
                    continue;
                }
                for (JsonNode status : objects(value, "statuses")) {
                    StatusMapping.toEvent(status, senderId, receivedAt)
                        .ifPresent(event -> statuses.add(envelope(event)));
                }
                for (JsonNode message : objects(value, MESSAGES_FIELD)) {
                    inbound.add(envelope(InboundMapping.toEvent(message, senderId, receivedAt)));
                }
            }
        }
        String rawKey = phoneNumberId != null ? phoneNumberId : firstEntryId(root);
        return new ParsedWebhook(statuses, inbound, new RawWebhook(rawKey, body));
    }

    /**
     * Tenant unknown here (the projector and scheduler-api resolve it). Event ids are random: a
     * redelivered webhook yields new ids, which is safe because every consumer of statuses is
     * idempotent by message state rather than by event id.
     */
    private EventEnvelope envelope(EventPayload payload) {
        return EventEnvelope.of(null, payload, clock);
    }

    private static String firstEntryId(JsonNode root) {
        return objects(root, "entry").stream().map(entry -> text(entry, "id")).filter(Objects::nonNull).findFirst()
            .orElse(null);
    }

    private static JsonNode readTree(byte[] body) {
        JsonNode root;
        try {
            root = EventCodec.mapper().readTree(body);
        } catch (JacksonException e) {
            throw new MalformedWebhookException("the body is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new MalformedWebhookException("the body is empty", null);
        }
        return root;
    }
}
