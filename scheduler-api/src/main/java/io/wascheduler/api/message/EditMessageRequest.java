package io.wascheduler.api.message;

import io.wascheduler.model.content.MessageContent;
import java.time.OffsetDateTime;

/** {@code PATCH /v1/messages/{id}}: only the fields present change. */
record EditMessageRequest(String to, MessageContent content, OffsetDateTime sendAt) {
}
