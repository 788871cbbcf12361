package io.wascheduler.webhook.parse;

import static io.wascheduler.webhook.parse.JsonFields.epochSeconds;
import static io.wascheduler.webhook.parse.JsonFields.integer;
import static io.wascheduler.webhook.parse.JsonFields.object;
import static io.wascheduler.webhook.parse.JsonFields.objects;
import static io.wascheduler.webhook.parse.JsonFields.text;

import io.wascheduler.model.event.CallbackData;
import io.wascheduler.model.event.DeliveryStatus;
import io.wascheduler.model.event.MessageStatusReported;
import io.wascheduler.model.event.MetaError;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** One element of a change's {@code statuses} as a {@link MessageStatusReported}. */
final class StatusMapping {

    /** Meta's error code when an error object carries none; no real code is 0 in a status. */
    private static final int NO_CODE = 0;

    private StatusMapping() {
    }

    /**
     * Empty for a status without a wamid (nothing could be correlated) or with a status this system does
     * not model; both stay on the raw topic.
     *
     * @param receivedAt used as the status time when Meta's timestamp is missing or unreadable
     */
    static Optional<MessageStatusReported> toEvent(JsonNode status, String senderId, Instant receivedAt) {
        String wamid = text(status, "id");
        DeliveryStatus deliveryStatus = DeliveryStatus.fromMeta(text(status, "status"));
        if (wamid == null || wamid.isEmpty() || deliveryStatus == null) {
            return Optional.empty();
        }
        // Callback data absent or written by another system on the same number: the projector finds
        // the message by wamid instead.
        Optional<CallbackData> callback = CallbackData.decode(text(status, "biz_opaque_callback_data"));
        return Optional.of(new MessageStatusReported(
            callback.map(CallbackData::messageId).orElse(null),
            callback.map(CallbackData::version).orElse(0L),
            callback.map(CallbackData::campaignId).orElse(null),
            senderId,
            wamid,
            deliveryStatus,
            epochSeconds(status, "timestamp", receivedAt),
            text(status, "recipient_id"),
            errors(status),
            object(status, "pricing"),
            object(status, "conversation")));
    }

    private static List<MetaError> errors(JsonNode status) {
        return objects(status, "errors").stream().map(StatusMapping::toMetaError).toList();
    }

    private static MetaError toMetaError(JsonNode error) {
        String details = text(error.path("error_data"), "details");
        return new MetaError(
            integer(error, "code", NO_CODE),
            text(error, "title"),
            details != null ? details : text(error, "message"));
    }
}
