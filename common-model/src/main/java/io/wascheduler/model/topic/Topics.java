package io.wascheduler.model.topic;

import io.wascheduler.model.topic.TopicSpec.CleanupPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The one place that names every topic of the system, its key, partitions and cleanup policy. Nothing
 * else spells a topic name.
 */
public final class Topics {

    /** Partitions of the message-keyed topics; enough for several instances of each service. */
    public static final int MESSAGE_PARTITIONS = 12;
    /** Partitions of the sender-keyed topics: a sender's rate is enforced by whoever owns its partition. */
    public static final int SENDER_PARTITIONS = 12;

    /** MessageScheduled and MessageCancelled, the latest per message kept by compaction. */
    public static final TopicSpec MESSAGE_COMMANDS =
        new TopicSpec("wa.message.commands", "messageId", MESSAGE_PARTITIONS, CleanupPolicy.COMPACT, null);

    /** CampaignScheduled, CampaignPaused, CampaignResumed. */
    public static final TopicSpec CAMPAIGN_EVENTS =
        new TopicSpec("wa.campaign.events", "campaignId", MESSAGE_PARTITIONS, CleanupPolicy.DELETE, null);

    /** Messages released at their instant, waiting to be sent by the owner of their sender. */
    public static final TopicSpec DISPATCH_READY =
        new TopicSpec("wa.dispatch.ready", "senderId", SENDER_PARTITIONS, CleanupPolicy.DELETE, Duration.ofDays(7));

    /** MessageDispatched and MessageDispatchFailed, one per attempt. */
    public static final TopicSpec MESSAGE_OUTCOMES =
        new TopicSpec("wa.message.outcomes", "messageId", MESSAGE_PARTITIONS, CleanupPolicy.DELETE, Duration.ofDays(30));

    /** MessageStatusReported from Meta's webhooks. */
    public static final TopicSpec MESSAGE_STATUSES =
        new TopicSpec("wa.message.statuses", "messageId, or wamid when Meta did not echo our callback data",
            MESSAGE_PARTITIONS, CleanupPolicy.DELETE, Duration.ofDays(30));

    /** InboundMessageReceived. */
    public static final TopicSpec INBOUND_MESSAGES =
        new TopicSpec("wa.inbound.messages", "phoneNumberId", MESSAGE_PARTITIONS, CleanupPolicy.DELETE, Duration.ofDays(30));

    /** The largest record the system writes: a whole webhook body, which Meta lets reach 3 MB. */
    public static final int MAX_RECORD_BYTES = 5 * 1024 * 1024;

    /** Every webhook body as Meta sent it (raw JSON, not an event envelope), for kinds we do not model. */
    public static final TopicSpec WEBHOOK_RAW =
        new TopicSpec("wa.webhook.raw", "phoneNumberId or WABA id", MESSAGE_PARTITIONS, CleanupPolicy.DELETE,
            Duration.ofDays(7), Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MAX_RECORD_BYTES)));

    /** CampaignProgress, the latest per campaign. */
    public static final TopicSpec CAMPAIGN_PROGRESS =
        new TopicSpec("wa.campaign.progress", "campaignId", MESSAGE_PARTITIONS, CleanupPolicy.COMPACT, null);

    /** SenderConfigured, the latest per sender; never carries a token. */
    public static final TopicSpec SENDER_CONFIG =
        new TopicSpec("wa.sender.config", "phoneNumberId", SENDER_PARTITIONS, CleanupPolicy.COMPACT, null);

    /** SenderStatusChanged, the latest per sender. */
    public static final TopicSpec SENDER_STATUS =
        new TopicSpec("wa.sender.status", "phoneNumberId", SENDER_PARTITIONS, CleanupPolicy.COMPACT, null);

    /** Prefix of the delay-tier topics; a tier's name is this plus its span in seconds, e.g. {@code wa.dispatch.delay.16s}. */
    public static final String DELAY_TIER_PREFIX = "wa.dispatch.delay.";

    /** The default ladder of delay-tier spans, each four times the last, from 1 s to about 12 weeks. */
    public static final List<Duration> DEFAULT_DELAY_LADDER = defaultLadder();

    private Topics() {
    }

    /**
     * The topic holding records for one tier span; records are keyed by message id and stamped by the
     * broker, so each partition is ordered by append time.
     */
    public static TopicSpec delayTier(Duration span) {
        return new TopicSpec(DELAY_TIER_PREFIX + span.toSeconds() + "s", "messageId", MESSAGE_PARTITIONS,
            CleanupPolicy.DELETE, span.multipliedBy(2).plus(Duration.ofDays(7)),
            Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime"));
    }

    /** Every topic of the system, the delay tiers of {@code ladder} included. */
    public static List<TopicSpec> all(List<Duration> ladder) {
        List<TopicSpec> all = new ArrayList<>(List.of(MESSAGE_COMMANDS, CAMPAIGN_EVENTS, DISPATCH_READY,
            MESSAGE_OUTCOMES, MESSAGE_STATUSES, INBOUND_MESSAGES, WEBHOOK_RAW, CAMPAIGN_PROGRESS, SENDER_CONFIG,
            SENDER_STATUS));
        ladder.forEach(span -> all.add(delayTier(span)));
        return List.copyOf(all);
    }

    public static List<TopicSpec> all() {
        return all(DEFAULT_DELAY_LADDER);
    }

    private static List<Duration> defaultLadder() {
        List<Duration> ladder = new ArrayList<>();
        for (Duration span = Duration.ofSeconds(1); span.compareTo(Duration.ofDays(90)) <= 0; span = span.multipliedBy(4)) {
            ladder.add(span);
        }
        return List.copyOf(ladder);
    }
}
