package io.wascheduler.api.message;

import io.wascheduler.model.lifecycle.MessageStatus;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which command the contract allows in which status; the one table for the command side. A SENDING message
 * (tried, and waiting for its next attempt after a retryable Meta error) is still unsent: it can be cancelled
 * or edited like a SCHEDULED one, and the dispatcher honours that at the release of its next attempt.
 */
enum MessageCommandRules {
    EDIT(EnumSet.of(MessageStatus.SCHEDULED, MessageStatus.SENDING, MessageStatus.FAILED)),
    CANCEL(EnumSet.of(MessageStatus.SCHEDULED, MessageStatus.SENDING)),
    RETRY(EnumSet.of(MessageStatus.FAILED)),
    DELETE(EnumSet.of(MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.READ, MessageStatus.FAILED,
        MessageStatus.CANCELLED));

    private final Set<MessageStatus> allowedFrom;

    MessageCommandRules(Set<MessageStatus> allowedFrom) {
        this.allowedFrom = allowedFrom;
    }

    boolean allows(MessageStatus status) {
        return allowedFrom.contains(status);
    }

    String refusal(MessageStatus status) {
        return "The message is " + status + "; " + name().toLowerCase() + " is allowed only when it is "
            + allowedFrom.stream().map(Enum::name).sorted().toList();
    }
}
