package io.wascheduler.projector.topology;

import io.wascheduler.model.lifecycle.MessageStatus;
import io.wascheduler.projector.campaign.CampaignCounters;
import io.wascheduler.projector.campaign.CampaignUpdate;
import io.wascheduler.projector.message.MessageView;
import io.wascheduler.projector.message.WamidLink;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The binary layouts of the records the projector writes on every event. Statuses are written by name, so
 * that a status added to {@link MessageStatus} never shifts the meaning of stored ones; instants keep their
 * nanoseconds, as their JSON did.
 */
final class StateCodecs {

    static final CompactSerde.Codec<MessageView> MESSAGE_VIEW = new CompactSerde.Codec<>() {
        @Override
        public void write(MessageView view, DataOutputStream out) throws IOException {
            writeString(out, view.messageId());
            out.writeLong(view.version());
            writeStatus(out, view.status());
            writeString(out, view.campaignId());
            writeString(out, view.wamid());
            out.writeByte(view.reachedAt().size());
            for (Map.Entry<MessageStatus, Instant> reached : view.reachedAt().entrySet()) {
                writeStatus(out, reached.getKey());
                writeInstant(out, reached.getValue());
            }
            writeInstant(out, view.updatedAt());
        }

        @Override
        public MessageView read(DataInputStream in) throws IOException {
            String messageId = readString(in);
            long version = in.readLong();
            MessageStatus status = readStatus(in);
            String campaignId = readString(in);
            String wamid = readString(in);
            Map<MessageStatus, Instant> reachedAt = new EnumMap<>(MessageStatus.class);
            for (int left = in.readUnsignedByte(); left > 0; left--) {
                reachedAt.put(readStatus(in), readInstant(in));
            }
            return new MessageView(messageId, version, status, campaignId, wamid, reachedAt, readInstant(in));
        }
    };

    static final CompactSerde.Codec<WamidLink> WAMID_LINK = new CompactSerde.Codec<>() {
        @Override
        public void write(WamidLink link, DataOutputStream out) throws IOException {
            writeString(out, link.messageId());
            out.writeLong(link.version());
            writeString(out, link.campaignId());
        }

        @Override
        public WamidLink read(DataInputStream in) throws IOException {
            return new WamidLink(readString(in), in.readLong(), readString(in));
        }
    };

    static final CompactSerde.Codec<CampaignUpdate> CAMPAIGN_UPDATE = new CompactSerde.Codec<>() {
        @Override
        public void write(CampaignUpdate update, DataOutputStream out) throws IOException {
            writeString(out, update.tenantId());
            writeStatus(out, update.from());
            writeStatus(out, update.to());
            writeInstant(out, update.sentAt());
            writeLong(out, update.declaredTotal());
        }

        @Override
        public CampaignUpdate read(DataInputStream in) throws IOException {
            return new CampaignUpdate(readString(in), readStatus(in), readStatus(in), readInstant(in), readLong(in));
        }
    };

    static final CompactSerde.Codec<CampaignCounters> CAMPAIGN_COUNTERS = new CompactSerde.Codec<>() {
        @Override
        public void write(CampaignCounters counters, DataOutputStream out) throws IOException {
            writeString(out, counters.campaignId());
            writeString(out, counters.tenantId());
            out.writeByte(counters.byStatus().size());
            for (Map.Entry<MessageStatus, Long> count : counters.byStatus().entrySet()) {
                writeStatus(out, count.getKey());
                out.writeLong(count.getValue());
            }
            writeLong(out, counters.declaredTotal());
            out.writeInt(counters.sentPerSecond().size());
            for (Map.Entry<Long, Long> second : counters.sentPerSecond().entrySet()) {
                out.writeLong(second.getKey());
                out.writeLong(second.getValue());
            }
            writeInstant(out, counters.updatedAt());
        }

        @Override
        public CampaignCounters read(DataInputStream in) throws IOException {
            String campaignId = readString(in);
            String tenantId = readString(in);
            Map<MessageStatus, Long> byStatus = new EnumMap<>(MessageStatus.class);
            for (int left = in.readUnsignedByte(); left > 0; left--) {
                byStatus.put(readStatus(in), in.readLong());
            }
            Long declaredTotal = readLong(in);
            NavigableMap<Long, Long> sentPerSecond = new TreeMap<>();
            for (int left = in.readInt(); left > 0; left--) {
                sentPerSecond.put(in.readLong(), in.readLong());
            }
            return new CampaignCounters(campaignId, tenantId, byStatus, declaredTotal, sentPerSecond,
                readInstant(in));
        }
    };

    private StateCodecs() {
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readString(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void writeStatus(DataOutputStream out, MessageStatus status) throws IOException {
        writeString(out, status == null ? null : status.name());
    }

    private static MessageStatus readStatus(DataInputStream in) throws IOException {
        String name = readString(in);
        return name == null ? null : MessageStatus.valueOf(name);
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeBoolean(instant != null);
        if (instant != null) {
            out.writeLong(instant.getEpochSecond());
            out.writeInt(instant.getNano());
        }
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    private static void writeLong(DataOutputStream out, Long value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value);
        }
    }

    private static Long readLong(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }
}
