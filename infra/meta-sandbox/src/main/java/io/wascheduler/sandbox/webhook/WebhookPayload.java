package io.wascheduler.sandbox.webhook;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Meta's webhook body for message statuses, field for field. */
@JsonPropertyOrder({"object", "entry"})
record WebhookPayload(String object, List<Entry> entry) {

    @JsonPropertyOrder({"id", "changes"})
    record Entry(String id, List<Change> changes) {
    }

    @JsonPropertyOrder({"value", "field"})
    record Change(Value value, String field) {
    }

    @JsonPropertyOrder({"messaging_product", "metadata", "statuses"})
    record Value(@JsonProperty("messaging_product") String messagingProduct, Metadata metadata,
            List<Status> statuses) {
    }

    @JsonPropertyOrder({"display_phone_number", "phone_number_id"})
    record Metadata(@JsonProperty("display_phone_number") String displayPhoneNumber,
            @JsonProperty("phone_number_id") String phoneNumberId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "status", "timestamp", "recipient_id", "biz_opaque_callback_data", "conversation",
            "pricing", "errors"})
    record Status(String id, String status, String timestamp, @JsonProperty("recipient_id") String recipientId,
            @JsonProperty("biz_opaque_callback_data") String bizOpaqueCallbackData, Conversation conversation,
            Pricing pricing, List<StatusError> errors) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "expiration_timestamp", "origin"})
    record Conversation(String id, @JsonProperty("expiration_timestamp") String expirationTimestamp, Origin origin) {
    }

    record Origin(String type) {
    }

    @JsonPropertyOrder({"billable", "pricing_model", "category", "type"})
    record Pricing(boolean billable, @JsonProperty("pricing_model") String pricingModel, String category,
            String type) {
    }

    @JsonPropertyOrder({"code", "title", "message", "error_data", "href"})
    record StatusError(int code, String title, String message, @JsonProperty("error_data") ErrorData errorData,
            String href) {
    }

    record ErrorData(String details) {
    }
}
