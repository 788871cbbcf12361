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
 * Records of one sender due within the release horizon of each other, moved through the delay tiers as one Kafka
 * record. A campaign launch writes a million records due at one instant into the tiers, and a backlog due at once
 * takes its turns over minutes ({@link ReleasePacing}), crossing several tiers on the way (the digits of its wait in
 * the ladder's factor): moved one by one, each record cost a produce, a broker append and a read in every tier it
 * crossed. A batch waits as one record and is unpacked into the release timer once its earliest member is within
 * the release horizon; there each member leaves at its own instant after its own release check. The batch is written
 * in the same transaction as the offsets of the records it holds, so a crash loses or doubles none of them.
 *
 * @param members   each due at its own instant: its sendAt, retry instant or turn
 * @param tierReads how many times a delay tier has read this batch, added to each member's own count on unpacking
 */
record TierBatch(List<LadderRecord> members, int tierReads) {

    /**
     * Marks a tier record as a batch; its value is the members' encoding, read by {@link #fromKafka}. Named when only
     * paced records travelled in batches, and kept so that batches already waiting in the tiers are still read.
     */
    static final String HEADER = "wa-paced-batch";
    /** Well under Kafka's default limits for a record and a produce request (1 MB each). */
    static final int MAX_BYTES = 256 * 1024;
    /** Each member says whether it is slotted; the first format had only slotted members. */
    private static final byte FORMAT = 2;
    private static final byte FORMAT_ALL_SLOTTED = 1;
    /** A member's fields other than its strings and envelope (due instant, attempt, version, counts, flags, lengths), rounded up. */
    private static final int FIXED_BYTES_PER_MEMBER = 64;

    TierBatch {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("A tier batch holds at least one record");
        }
        members = List.copyOf(members);
    }

    /** The earliest member's instant: the batch is looked at again then. */
    Instant dueAt() {
        Instant earliest = members.getFirst().dueAt();
        for (LadderRecord member : members) {
            if (member.dueAt().isBefore(earliest)) {
                earliest = member.dueAt();
            }
        }
        return earliest;
    }

    TierBatch readByTier() {
        return new TierBatch(members, tierReads + 1);
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

    /**
     * This batch as a record of {@code tierTopic}, keyed by its first member (the tiers are partitioned by key); a batch
     * of one is written as that member's own record, which costs less to write and to read.
     */
    ProducerRecord<String, byte[]> toKafka(String tierTopic) {
        if (members.size() == 1) {
            LadderRecord only = unpacked().getFirst();
            return new ProducerRecord<>(tierTopic, null, only.messageId(), only.envelope(), only.headers());
        }
        RecordHeaders headers = new RecordHeaders();
        headers.add(HEADER, new byte[0]);
        return new ProducerRecord<>(tierTopic, null, members.getFirst().messageId(), encode(), headers);
    }

    static TierBatch fromKafka(byte[] value) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            byte format = in.readByte();
            if (format != FORMAT && format != FORMAT_ALL_SLOTTED) {
                throw new IllegalArgumentException("Unknown tier batch format " + format);
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
                boolean slotted = format == FORMAT_ALL_SLOTTED || in.readBoolean();
                byte[] envelope = in.readNBytes(in.readInt());
                members.add(new LadderRecord(messageId, envelope, dueAt, attempt, version, senderId, campaignId,
                    memberTierReads, afterLostAnswer, slotted));
            }
            return new TierBatch(members, tierReads);
        } catch (IOException e) {
            throw new IllegalArgumentException("Unreadable tier batch: " + e.getMessage(), e);
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
                out.writeBoolean(member.slotted());
                out.writeInt(member.envelope().length);
                out.write(member.envelope());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
