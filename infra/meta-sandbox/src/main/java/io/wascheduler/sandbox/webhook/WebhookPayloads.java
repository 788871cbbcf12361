package io.wascheduler.sandbox.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wascheduler.sandbox.send.MetaError;
import io.wascheduler.sandbox.webhook.StatusEvent.Kind;
import io.wascheduler.sandbox.webhook.WebhookPayload.Change;
import io.wascheduler.sandbox.webhook.WebhookPayload.Conversation;
import io.wascheduler.sandbox.webhook.WebhookPayload.Entry;
import io.wascheduler.sandbox.webhook.WebhookPayload.ErrorData;
import io.wascheduler.sandbox.webhook.WebhookPayload.Metadata;
import io.wascheduler.sandbox.webhook.WebhookPayload.Origin;
import io.wascheduler.sandbox.webhook.WebhookPayload.Pricing;
import io.wascheduler.sandbox.webhook.WebhookPayload.Status;
import io.wascheduler.sandbox.webhook.WebhookPayload.StatusError;
import io.wascheduler.sandbox.webhook.WebhookPayload.Value;

/**
 * Builds one webhook body for a batch of statuses: one entry per WABA, one change per phone number, statuses in
 * the order given. Sent and delivered carry Meta's conversation and per-message pricing objects; failed carries
 * the error instead.
 */
final class WebhookPayloads {

    private static final Duration CONVERSATION_WINDOW = Duration.ofHours(24);

    private WebhookPayloads() {
    }

    static WebhookPayload build(List<StatusEvent> batch) {
        Map<String, Map<String, List<StatusEvent>>> byWabaThenNumber = new LinkedHashMap<>();
        for (StatusEvent event : batch) {
            byWabaThenNumber.computeIfAbsent(event.message().wabaId(), waba -> new LinkedHashMap<>())
                    .computeIfAbsent(event.message().phoneNumberId(), number -> new ArrayList<>()).add(event);
        }
        List<Entry> entries = new ArrayList<>();
        byWabaThenNumber.forEach((wabaId, byNumber) -> {
            List<Change> changes = new ArrayList<>();
            byNumber.values().forEach(events -> changes.add(change(events)));
            entries.add(new Entry(wabaId, changes));
        });
        return new WebhookPayload("whatsapp_business_account", entries);
    }

    private static Change change(List<StatusEvent> events) {
        AcceptedMessage first = events.getFirst().message();
        Metadata metadata = new Metadata(first.displayPhoneNumber(), first.phoneNumberId());
        List<Status> statuses = events.stream().map(WebhookPayloads::status).toList();
        return new Change(new Value("whatsapp", metadata, statuses), "messages");
    }

    static Status status(StatusEvent event) {
        AcceptedMessage message = event.message();
        boolean billed = event.kind() == Kind.SENT || event.kind() == Kind.DELIVERED;
        return new Status(message.wamid(), event.kind().wireName(), epochSeconds(event.occurredAt()),
                message.recipientWaId(), message.bizOpaqueCallbackData(),
                billed ? conversation(event) : null, billed ? pricing(message) : null,
                event.kind() == Kind.FAILED ? List.of(error(message.failure())) : null);
    }

    private static Conversation conversation(StatusEvent event) {
        AcceptedMessage message = event.message();
        String expiration = event.kind() == Kind.SENT
                ? epochSeconds(event.occurredAt().plus(CONVERSATION_WINDOW)) : null;
        return new Conversation(conversationId(message), expiration, new Origin(category(message)));
    }

    /** Per-message pricing: templates are billed as marketing, replies in the service window are free. */
    private static Pricing pricing(AcceptedMessage message) {
        boolean template = message.type().equals("template");
        return new Pricing(template, "PMP", category(message), template ? "regular" : "free_customer_service");
    }

    private static String category(AcceptedMessage message) {
        return message.type().equals("template") ? "marketing" : "service";
    }

    private static StatusError error(MetaError failure) {
        return new StatusError(failure.code(), failure.title(), failure.title(), new ErrorData(failure.details()),
                MetaError.ERROR_CODES_HREF);
    }

    /** The same business number and recipient share a conversation, as with Meta. */
    private static String conversationId(AcceptedMessage message) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (message.phoneNumberId() + "|" + message.recipientWaId()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String epochSeconds(Instant instant) {
        return Long.toString(instant.getEpochSecond());
    }
}
