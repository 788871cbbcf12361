package io.wascheduler.dispatcher.ladder;

import io.wascheduler.dispatcher.command.CommandFields;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * One attempt of one message version on its way through the ladder. The value is the MessageScheduled
 * envelope exactly as scheduler-api wrote it; what the ladder needs to route it travels in headers, so
 * tiers move records without parsing JSON.
 *
 * @param dueAt   the instant it may leave: sendAt for the first attempt, the retry instant afterwards
 * @param attempt   counts from 1
 * @param tierReads how many times a delay tier has read this record since it entered the ladder (the cost
 *                  of its wait, reported at release)
 * @param afterLostAnswer the previous attempt went out and got no answer: Meta may have taken it, so ask
 *                  before sending again
 * @param slotted   its dueAt is a send slot its sender's rate gave it ({@link ReleasePacing}, a full lane): it is
 *                  released then without taking another, so a message waits for its turn only once
 */
public record LadderRecord(String messageId, byte[] envelope, Instant dueAt, int attempt, long version, String senderId,
                           String campaignId, int tierReads, boolean afterLostAnswer, boolean slotted) {

    static final String DUE_AT = "wa-due-at";
    static final String ATTEMPT = "wa-attempt";
    static final String VERSION = "wa-version";
    static final String SENDER = "wa-sender";
    static final String CAMPAIGN = "wa-campaign";
    static final String TIER_READS = "wa-tier-reads";
    static final String AFTER_LOST_ANSWER = "wa-after-lost-answer";
    static final String SLOTTED = "wa-slotted";
    /** Only on a released record: DISPATCH_READY is keyed by sender, so the message id travels here. */
    static final String MESSAGE = "wa-message";

    /** The first attempt of a scheduled message, due at its sendAt. */
    public static LadderRecord firstAttempt(CommandFields scheduled, byte[] encoded) {
        return new LadderRecord(scheduled.messageId(), encoded, scheduled.sendAt(), 1, scheduled.version(),
            scheduled.senderId(), scheduled.campaignId(), 0, false, false);
    }

    /** The next attempt of this message version, due at {@code at}: a new trip through the ladder. */
    public LadderRecord nextAttempt(int nextAttempt, Instant at) {
        return new LadderRecord(messageId, envelope, at, nextAttempt, version, senderId, campaignId, 0, false, false);
    }

    /** The next attempt after one whose answer was lost: it first asks whether Meta took the previous one. */
    public LadderRecord nextAttemptAfterLostAnswer(int nextAttempt, Instant at) {
        return new LadderRecord(messageId, envelope, at, nextAttempt, version, senderId, campaignId, 0, true, false);
    }

    /** This same attempt, held back until {@code at} (pair rate, a stopped sender, a paused campaign). */
    public LadderRecord delayedTo(Instant at) {
        return new LadderRecord(messageId, envelope, at, attempt, version, senderId, campaignId, 0, afterLostAnswer, false);
    }

    /** This same attempt, held back until {@code at}, a send slot its sender's rate gave it. */
    public LadderRecord slottedAt(Instant at) {
        return new LadderRecord(messageId, envelope, at, attempt, version, senderId, campaignId, 0, afterLostAnswer, true);
    }

    /** This record as read once more by a delay tier. */
    LadderRecord readByTier() {
        return readByTiers(1);
    }

    /** This record as read {@code reads} more times by delay tiers (as the batch it travelled in was). */
    LadderRecord readByTiers(int reads) {
        return new LadderRecord(messageId, envelope, dueAt, attempt, version, senderId, campaignId, tierReads + reads,
            afterLostAnswer, slotted);
    }

    public static LadderRecord fromKafka(String key, byte[] value, Headers headers) {
        return new LadderRecord(key, value, Instant.ofEpochMilli(Long.parseLong(text(headers, DUE_AT))),
            Integer.parseInt(text(headers, ATTEMPT)), Long.parseLong(text(headers, VERSION)), text(headers, SENDER),
            optionalText(headers, CAMPAIGN), Optional.ofNullable(optionalText(headers, TIER_READS)).map(Integer::parseInt)
            .orElse(0), headers.lastHeader(AFTER_LOST_ANSWER) != null, headers.lastHeader(SLOTTED) != null);
    }

    /**
     * A record read from DISPATCH_READY, routed by its headers alone, so that one sent straight back to the ladder
     * (its sender's lane full) is never parsed; empty when it was released without the message id header.
     */
    public static Optional<LadderRecord> fromRelease(byte[] value, Headers headers) {
        String messageId = optionalText(headers, MESSAGE);
        return messageId == null ? Optional.empty() : Optional.of(fromKafka(messageId, value, headers));
    }

    /** The headers of this record released to DISPATCH_READY. */
    public Headers releaseHeaders() {
        Headers headers = headers();
        headers.add(MESSAGE, bytes(messageId));
        return headers;
    }

    public Headers headers() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DUE_AT, bytes(Long.toString(dueAt.toEpochMilli())));
        headers.add(ATTEMPT, bytes(Integer.toString(attempt)));
        headers.add(VERSION, bytes(Long.toString(version)));
        headers.add(SENDER, bytes(senderId));
        if (campaignId != null) {
            headers.add(CAMPAIGN, bytes(campaignId));
        }
        headers.add(TIER_READS, bytes(Integer.toString(tierReads)));
        if (afterLostAnswer) {
            headers.add(AFTER_LOST_ANSWER, bytes("true"));
        }
        if (slotted) {
            headers.add(SLOTTED, bytes("true"));
        }
        return headers;
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null) {
            throw new IllegalArgumentException("Ladder record without header " + name);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String optionalText(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
