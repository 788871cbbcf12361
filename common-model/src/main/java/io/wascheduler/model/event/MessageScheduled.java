package io.wascheduler.model.event;

import io.wascheduler.model.content.MessageContent;
import java.time.Instant;
import java.util.Map;

/**
 * A message to send at {@code sendAt}. Also published for an edit or a retry, with a higher
 * {@code version}; the highest version is the one that counts. {@code senderId} is the sender's
 * phone-number id; {@code to} is E.164 with a leading '+'.
 */
public record MessageScheduled(
    String messageId,
    long version,
    String campaignId,
    String senderId,
    String to,
    MessageContent content,
    Instant sendAt,
    int maxAttempts,
    Map<String, String> metadata) implements EventPayload {

    /** A message's version when it is created; edits and retries count up from it. */
    public static final long FIRST_VERSION = 1;

    public MessageScheduled {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /**
     * True for the schedule a message is created with. What reads the commands to decide on a message (the
     * dispatcher's release check, the status-projector's views) learns nothing from it that knowing no command
     * at all would not tell, so neither keeps it.
     */
    public static boolean isFirstVersion(long version) {
        return version <= FIRST_VERSION;
    }

    @Override
    public String key() {
        return messageId;
    }
}
