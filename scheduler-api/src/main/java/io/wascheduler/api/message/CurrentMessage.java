package io.wascheduler.api.message;

import io.wascheduler.model.content.MessageContent;
import io.wascheduler.model.event.MessageCancelled;
import io.wascheduler.model.event.MessageScheduled;
import io.wascheduler.model.lifecycle.MessageStatus;
import java.time.Instant;
import java.util.Map;

/** A stored message as a command sees it, locked for the length of the command's transaction. */
record CurrentMessage(
    String id, String campaignId, String senderId, String to, MessageContent content, Instant sendAt, int maxAttempts,
    Map<String, String> metadata, long version, MessageStatus status) {

    /** The next version: the same message with the given changes (null keeps the current value). */
    MessageScheduled nextVersion(String newTo, MessageContent newContent, Instant newSendAt) {
        return new MessageScheduled(id, version + 1, campaignId, senderId, newTo != null ? newTo : to,
            newContent != null ? newContent : content, newSendAt != null ? newSendAt : sendAt, maxAttempts, metadata);
    }

    MessageCancelled cancelled(String reason) {
        return new MessageCancelled(id, version, campaignId, senderId, reason);
    }
}
