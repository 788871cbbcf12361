package io.wascheduler.api.readmodel;

import io.wascheduler.model.event.MetaError;
import io.wascheduler.model.lifecycle.MessageState;
import io.wascheduler.model.lifecycle.MessageStatus;
import java.time.Instant;

/** The part of a stored message that outcomes and statuses change. */
record MessageSnapshot(
    String id, long version, MessageStatus status, int attempts, Instant nextAttemptAt, String wamid, Instant sentAt,
    Instant deliveredAt, Instant readAt, Instant failedAt, MetaError error) {

    MessageState state() {
        return new MessageState(version, status);
    }

    MessageSnapshot withStatus(MessageStatus value) {
        return new MessageSnapshot(id, version, value, attempts, nextAttemptAt, wamid, sentAt, deliveredAt, readAt, failedAt, error);
    }

    MessageSnapshot withAttempt(int attempt, Instant nextAttempt) {
        return new MessageSnapshot(id, version, status, Math.max(attempts, attempt), nextAttempt, wamid, sentAt, deliveredAt,
            readAt, failedAt, error);
    }

    MessageSnapshot withWamid(String value) {
        return new MessageSnapshot(id, version, status, attempts, nextAttemptAt, wamid != null ? wamid : value, sentAt,
            deliveredAt, readAt, failedAt, error);
    }

    MessageSnapshot withSentAt(Instant at) {
        return new MessageSnapshot(id, version, status, attempts, nextAttemptAt, wamid, sentAt != null ? sentAt : at,
            deliveredAt, readAt, failedAt, error);
    }

    MessageSnapshot withDeliveredAt(Instant at) {
        return new MessageSnapshot(id, version, status, attempts, nextAttemptAt, wamid, sentAt,
            deliveredAt != null ? deliveredAt : at, readAt, failedAt, error);
    }

    MessageSnapshot withReadAt(Instant at) {
        return new MessageSnapshot(id, version, status, attempts, nextAttemptAt, wamid, sentAt, deliveredAt,
            readAt != null ? readAt : at, failedAt, error);
    }

    MessageSnapshot withFailure(Instant at, MetaError value) {
        return new MessageSnapshot(id, version, status, attempts, nextAttemptAt, wamid, sentAt, deliveredAt, readAt,
            at == null ? failedAt : (failedAt != null ? failedAt : at), value != null ? value : error);
    }
}
