package io.wascheduler.dispatcher.command;

import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.event.EventType;
import io.wascheduler.model.event.InstantText;
import io.wascheduler.model.event.MessageScheduled;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * What the ladder and the release check need of a MESSAGE_COMMANDS event, read in one streaming pass over
 * its JSON (the form {@link EventCodec} writes) without building the envelope: the message content and
 * metadata are skipped unread. Each command is looked at this way several times (intake, commands tail,
 * release check, the tail's eviction); only the send step needs the whole message, and decodes it once.
 *
 * @param type      the envelope's type; a payload of another type than a command leaves the payload fields empty
 * @param version   0 when absent, as a decoded payload reads it
 * @param sendAt    null unless a MessageScheduled carries it
 */
public record CommandFields(UUID eventId, EventType type, String messageId, long version, String campaignId,
                            String senderId, Instant sendAt) {

    /** True for a MessageCancelled, which drops this version and every lower one. */
    public boolean cancels() {
        return type == EventType.MESSAGE_CANCELLED;
    }

    /** True for a MessageScheduled: a message version to send. */
    public boolean schedules() {
        return type == EventType.MESSAGE_SCHEDULED;
    }

    /**
     * True for a message's first MessageScheduled. The release check needs no copy of it: it releases version 1
     * whether that schedule or no command at all is the latest it knows, so only cancels and edits are kept.
     */
    public boolean isFirstSchedule() {
        return schedules() && MessageScheduled.isFirstVersion(version);
    }

    /**
     * @throws IllegalArgumentException for JSON that is not an event envelope this service can read (unknown
     *         type, schema version newer than this reader's, no event id), as {@link EventCodec#decode} would
     */
    public static CommandFields read(byte[] json) {
        try (JsonParser parser = EventCodec.mapper().createParser(json)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            Builder fields = new Builder();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "eventId" -> fields.eventId = UUID.fromString(text(parser, value));
                    case "type" -> fields.type = EventType.ofWireName(text(parser, value));
                    case "schemaVersion" -> fields.schemaVersion = parser.getIntValue();
                    case "payload" -> readPayload(parser, value, fields);
                    default -> parser.skipChildren();
                }
            }
            return fields.build();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Unreadable command: " + e.getMessage(), e);
        }
    }

    /** Only the event id, which the envelope writes first, so usually only the first property is read. */
    public static UUID eventIdOf(byte[] json) {
        try (JsonParser parser = EventCodec.mapper().createParser(json)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("eventId")) {
                    return UUID.fromString(text(parser, value));
                }
                parser.skipChildren();
            }
            throw new IllegalArgumentException("Event without eventId");
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Unreadable command: " + e.getMessage(), e);
        }
    }

    private static void readPayload(JsonParser parser, JsonToken start, Builder fields) {
        if (start != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "messageId" -> fields.messageId = text(parser, value);
                case "version" -> fields.version = value == JsonToken.VALUE_NULL ? 0 : parser.getLongValue();
                case "campaignId" -> fields.campaignId = text(parser, value);
                case "senderId" -> fields.senderId = text(parser, value);
                case "sendAt" -> fields.sendAt = value == JsonToken.VALUE_NULL ? null : InstantText.parse(parser.getString());
                default -> parser.skipChildren();
            }
        }
    }

    private static String text(JsonParser parser, JsonToken value) {
        return value == JsonToken.VALUE_NULL ? null : parser.getString();
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("Expected " + expected + " but found " + actual);
        }
    }

    /** The fields as they are met, in whatever order the JSON has them. */
    private static final class Builder {
        private UUID eventId;
        private EventType type;
        private int schemaVersion;
        private String messageId;
        private long version;
        private String campaignId;
        private String senderId;
        private Instant sendAt;

        CommandFields build() {
            if (eventId == null || type == null) {
                throw new IllegalArgumentException("Event without eventId or type");
            }
            type.requireReadable(schemaVersion);
            return switch (type) {
                case MESSAGE_SCHEDULED -> new CommandFields(eventId, type, messageId, version, campaignId, senderId, sendAt);
                case MESSAGE_CANCELLED -> new CommandFields(eventId, type, messageId, version, campaignId, senderId, null);
                default -> new CommandFields(eventId, type, null, 0, null, null, null);
            };
        }
    }
}
