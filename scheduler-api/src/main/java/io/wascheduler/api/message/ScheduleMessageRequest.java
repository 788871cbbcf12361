package io.wascheduler.api.message;

import io.wascheduler.model.content.MessageContent;
import java.time.OffsetDateTime;
import java.util.Map;

/** {@code POST /v1/messages}. Absent {@code sendAt} means now; absent {@code maxAttempts} means the default. */
record ScheduleMessageRequest(
    String from, String to, MessageContent content, OffsetDateTime sendAt, Integer maxAttempts,
    Map<String, String> metadata) {
}
