package io.wascheduler.api.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.wascheduler.model.content.MessageContent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A message as {@code GET /v1/messages/{id}} shows it. {@code from} is the sender's phone-number id. */
public record MessageView(
    String id, String campaignId, String from, String to, MessageContent content, Instant sendAt, int maxAttempts,
    Map<String, String> metadata, String status, long version, int attempts, Instant nextAttemptAt, String wamid,
    Instant sentAt, Instant deliveredAt, Instant readAt, Instant failedAt, Error error, Instant createdAt,
    Instant updatedAt, @JsonInclude(JsonInclude.Include.NON_NULL) List<HistoryEntry> history) {

    public record Error(Integer code, String title, String detail) {
    }

    public record HistoryEntry(String status, long version, Instant at, String detail) {
    }

    MessageView withHistory(List<HistoryEntry> entries) {
        return new MessageView(id, campaignId, from, to, content, sendAt, maxAttempts, metadata, status, version, attempts,
            nextAttemptAt, wamid, sentAt, deliveredAt, readAt, failedAt, error, createdAt, updatedAt, List.copyOf(entries));
    }
}
