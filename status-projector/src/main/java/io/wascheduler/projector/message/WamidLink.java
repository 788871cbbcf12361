package io.wascheduler.projector.message;

import io.wascheduler.model.event.MessageStatusReported;

/** The message (and version and campaign) Meta's wamid was given to. */
public record WamidLink(String messageId, long version, String campaignId) {

    /** The status as if Meta had echoed our callback data. */
    MessageStatusReported attachTo(MessageStatusReported status) {
        return new MessageStatusReported(messageId, version, campaignId != null ? campaignId : status.campaignId(),
            status.senderId(), status.wamid(), status.status(), status.statusAt(), status.recipientId(),
            status.errors(), status.pricing(), status.conversation());
    }
}
