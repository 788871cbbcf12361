package io.wascheduler.dispatcher.ladder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Records of one sender that are due but wait for their turns ({@link ReleasePacing}), moved through the delay tiers
 * as one Kafka record. A backlog due at once takes its turns over minutes, and every record of it crosses several
 * tiers on the way (the digits of its wait in the ladder's factor): moved one by one, those moves were most of the
 * ladder's work while a campaign sent. Turns given one after another lie close together, so a batch of them waits
 * as one record, and is unpacked into the release timer once it is within the release horizon, where each member
 * leaves at its own instant after its own release check. The batch is written in the same transaction as the offsets
 * of the records it holds, so a crash loses or doubles none of them.
 *
 * @param members   slotted records, each due at its turn
 * @param tierReads how many times a delay tier has read this batch, added to each member's own count on unpacking
 */
record PacedBatch(List<LadderRecord> members, int tierReads) {

    /** Marks a tier record as a batch; its value is the members' encoding, read by {@link #fromKafka}. */
    static final String HEADER = "wa-paced-batch";
    /** Well under Kafka's default limits for a record and a produce request (1 MB each). */
    static final int MAX_BYTES = 256 * 1024;
    private static final byte FORMAT = 1;
    /** A member's fields other than its strings and envelope (due instant, attempt, version, counts, flags, lengths), rounded up. */
    private static final int FIXED_BYTES_PER_MEMBER = 64;

    PacedBatch {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("A paced batch holds at least one record");
        }
        members = List.copyOf(members);
    }

    /** The earliest member's turn: the batch is looked at again then. */
    Instant dueAt() {
        Instant earliest = members.getFirst().dueAt();
        for (LadderRecord member : members) {
            if (member.dueAt().isBefore(earliest)) {
                earliest = member.dueAt();
            }
        }
        return earliest;
    }

    PacedBatch readByTier() {
        return new PacedBatch(members, tierReads + 1);
    }

    /** The members as they go on alone: each with the tier reads the batch had. */
    List<LadderRecord> unpacked() {
        return members.stream().map(member -> member.readByTiers(tierReads)).toList();
    }

    /** About how many bytes a member takes in the batch's value. */
    static int sizeOf(LadderRecord member) {
        return member.envelope().length + member.messageId().length() + member.senderId().length()
            + FIXED_BYTES_PER_MEMBER;
    }

    static boolean isBatch(Headers headers) {
        return headers.lastHeader(HEADER) != null;
    }

    /** This batch as a record of {@code tierTopic}, keyed by its first member (the tiers are partitioned by key). */
    ProducerRecord<String, byte[]> toKafka(String tierTopic) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(HEADER, new byte[0]);
        return new ProducerRecord<>(tierTopic, null, members.getFirst().messageId(), encode(), headers);
    }

    static PacedBatch fromKafka(byte[] value) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalArgumentException("Unknown paced batch format " + format);
            }
            int tierReads = in.readInt();
            int count = in.readInt();
            List<LadderRecord> members = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String messageId = in.readUTF();
                Instant dueAt = Instant.ofEpochMilli(in.readLong());
                int attempt = in.readInt();
                long version = in.readLong();
                String senderId = in.readUTF();
                String campaignId = in.readBoolean() ? in.readUTF() : null;
                int memberTierReads = in.readInt();
                boolean afterLostAnswer = in.readBoolean();
                byte[] envelope = in.readNBytes(in.readInt());
                members.add(new LadderRecord(messageId, envelope, dueAt, attempt, version, senderId, campaignId,
                    memberTierReads, afterLostAnswer, true));
            }
            return new PacedBatch(members, tierReads);
        } catch (IOException e) {
            throw new IllegalArgumentException("Unreadable paced batch: " + e.getMessage(), e);
        }
    }

    private byte[] encode() {
        int size = 1 + 2 * Integer.BYTES;
        for (LadderRecord member : members) {
            size += sizeOf(member);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(size);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(tierReads);
            out.writeInt(members.size());
            for (LadderRecord member : members) {
                out.writeUTF(member.messageId());
                out.writeLong(member.dueAt().toEpochMilli());
                out.writeInt(member.attempt());
                out.writeLong(member.version());
                out.writeUTF(member.senderId());
                out.writeBoolean(member.campaignId() != null);
                if (member.campaignId() != null) {
                    out.writeUTF(member.campaignId());
                }
                out.writeInt(member.tierReads());
                out.writeBoolean(member.afterLostAnswer());
                out.writeInt(member.envelope().length);
                out.write(member.envelope());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
