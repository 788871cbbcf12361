package io.wascheduler.api.message;

import io.wascheduler.model.lifecycle.MessageStatus;
import java.util.EnumSet;
import java.util.Set;

/** Which command the contract allows in which status; the one table for the command side. */
enum MessageCommandRules {
    EDIT(EnumSet.of(MessageStatus.SCHEDULED, MessageStatus.FAILED)),
    CANCEL(EnumSet.of(MessageStatus.SCHEDULED)),
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
