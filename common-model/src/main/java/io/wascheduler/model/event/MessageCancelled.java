package io.wascheduler.model.event;

/** The message must not be sent; it applies to {@code version} and every lower version. */
public record MessageCancelled(String messageId, long version, String campaignId, String senderId, String reason)
    implements EventPayload {

    @Override
    public String key() {
        return messageId;
    }
}
