package io.wascheduler.projector.topology;

import io.wascheduler.model.event.CampaignScheduled;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.EventSerde;
import io.wascheduler.model.event.MessageDispatched;
import io.wascheduler.model.event.MessageStatusReported;
import io.wascheduler.model.topic.TopicSpec;
import io.wascheduler.model.topic.Topics;
import io.wascheduler.projector.ProjectorProperties;
import io.wascheduler.projector.campaign.CampaignCounterProcessor;
import io.wascheduler.projector.campaign.CampaignCounters;
import io.wascheduler.projector.campaign.CampaignStores;
import io.wascheduler.projector.campaign.CampaignUpdate;
import io.wascheduler.projector.message.CommandDecoder;
import io.wascheduler.projector.message.MessageStateProcessor;
import io.wascheduler.projector.message.MessageStores;
import io.wascheduler.projector.message.MessageView;
import io.wascheduler.projector.message.ParkedStatuses;
import io.wascheduler.projector.message.WamidEvent;
import io.wascheduler.projector.message.WamidLink;
import io.wascheduler.projector.message.WamidResolver;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * The projection as one function of a {@link StreamsBuilder}:
 * <ol>
 * <li>statuses without our callback data (keyed by wamid) meet the links MessageDispatched makes, re-keyed by
 *     wamid, in {@link WamidResolver}, which sends them on keyed by message id;</li>
 * <li>every message event, keyed by message id, goes through {@link MessageStateProcessor}, which emits
 *     the moves of its campaign's counters, re-keyed by campaign id (commands are decoded by {@link CommandDecoder}
 *     first, which leaves out the first schedules the projection would ignore);</li>
 * <li>those moves and CampaignScheduled feed {@link CampaignCounterProcessor}, which publishes CampaignProgress.</li>
 * </ol>
 * Repartition topics get {@link Topics#MESSAGE_PARTITIONS} partitions so that they stay co-partitioned with
 * the source topics they are merged with.
 */
public final class ProjectionTopology {

    private static final Serde<String> KEYS = Serdes.String();
    private static final Serde<EventEnvelope> EVENTS = new EventSerde();
    /** Decoded by {@link CommandDecoder}, which leaves the launch's first schedules undecoded. */
    private static final Serde<byte[]> COMMANDS = Serdes.ByteArray();
    private static final Serde<CampaignUpdate> UPDATES =
        new CompactSerde<>(CampaignUpdate.class, StateCodecs.CAMPAIGN_UPDATE);

    private final ProjectorProperties properties;
    private final Function<String, KeyValueBytesStoreSupplier> storeKind;

    public ProjectionTopology(ProjectorProperties properties) {
        this(properties, Stores::persistentKeyValueStore);
    }

    /** With another kind of store: in-memory ones let a test push thousands of histories through quickly. */
    ProjectionTopology(ProjectorProperties properties, Function<String, KeyValueBytesStoreSupplier> storeKind) {
        this.properties = properties;
        this.storeKind = storeKind;
    }

    public void buildInto(StreamsBuilder builder) {
        addStores(builder);
        KStream<String, EventEnvelope> commands = builder
            .stream(Topics.MESSAGE_COMMANDS.name(), Consumed.with(KEYS, COMMANDS))
            .filter((messageId, command) -> messageId != null && command != null)
            .process(CommandDecoder::new, MessageStores.MESSAGES);
        KStream<String, EventEnvelope> outcomes = stream(builder, Topics.MESSAGE_OUTCOMES);
        KStream<String, EventEnvelope> statuses = stream(builder, Topics.MESSAGE_STATUSES);

        KStream<String, EventEnvelope> resolvedStatuses = outcomes
            .filter((messageId, event) -> event.payload() instanceof MessageDispatched dispatched
                && dispatched.wamid() != null)
            .map((messageId, event) -> {
                MessageDispatched dispatched = event.payloadAs(MessageDispatched.class);
                return KeyValue.pair(dispatched.wamid(), WamidEvent.dispatchOf(dispatched));
            })
            .merge(statuses.filter((key, event) -> isUncorrelatedStatus(event))
                .mapValues(event -> (WamidEvent) new WamidEvent.Status(event)))
            .repartition(repartitioned("by-wamid", new WamidEventSerde()))
            .process(() -> new WamidResolver(properties.parkedStatusRetention(), properties.parkedSweepInterval()),
                MessageStores.WAMID_INDEX, MessageStores.PARKED_STATUSES)
            .repartition(repartitioned("resolved-statuses", EVENTS));

        KStream<String, CampaignUpdate> declaredTotals = stream(builder, Topics.CAMPAIGN_EVENTS)
            .flatMapValues(event -> event.payload() instanceof CampaignScheduled scheduled
                ? List.of(CampaignUpdate.declared(event.tenantId(), scheduled.total()))
                : List.<CampaignUpdate>of());

        commands
            .merge(outcomes)
            .merge(statuses.filter((key, event) -> !isUncorrelatedStatus(event)))
            .merge(resolvedStatuses)
            .process(MessageStateProcessor::new, MessageStores.MESSAGES)
            .repartition(repartitioned("campaign-updates", UPDATES))
            .merge(declaredTotals)
            .process(() -> new CampaignCounterProcessor(properties.rateWindow(), properties.progressPublishInterval()),
                CampaignStores.COUNTERS, CampaignStores.UNPUBLISHED)
            .to(Topics.CAMPAIGN_PROGRESS.name(), Produced.with(KEYS, EVENTS));
    }

    private static KStream<String, EventEnvelope> stream(StreamsBuilder builder, TopicSpec topic) {
        return builder.stream(topic.name(), Consumed.with(KEYS, EVENTS))
            .filter((key, event) -> key != null && event != null);
    }

    private static boolean isUncorrelatedStatus(EventEnvelope event) {
        return event.payload() instanceof MessageStatusReported status && status.messageId() == null;
    }

    private static <V> Repartitioned<String, V> repartitioned(String name, Serde<V> values) {
        return Repartitioned.<String, V>as(name).withKeySerde(KEYS).withValueSerde(values)
            .withNumberOfPartitions(Topics.MESSAGE_PARTITIONS);
    }

    private void addStores(StreamsBuilder builder) {
        addUncachedStore(builder, MessageStores.MESSAGES,
            new CompactSerde<>(MessageView.class, StateCodecs.MESSAGE_VIEW));
        addUncachedStore(builder, CampaignStores.COUNTERS,
            new CompactSerde<>(CampaignCounters.class, StateCodecs.CAMPAIGN_COUNTERS));
        addUncachedStore(builder, MessageStores.WAMID_INDEX,
            new CompactSerde<>(WamidLink.class, StateCodecs.WAMID_LINK));
        addCachedStore(builder, MessageStores.PARKED_STATUSES, new JsonSerde<>(ParkedStatuses.class));
        addCachedStore(builder, CampaignStores.UNPUBLISHED, Serdes.Long());
    }

    /**
     * Not cached. The queried stores (messages, counters): the query API must show a change as soon as it is made
     * (freshness p99 under 1 s), and with them cached the measured freshness got worse (p50 143 → 269 ms). The wamid
     * index: each wamid is written once, so a cache has no writes to merge and only adds its sorted map's upkeep,
     * comparing keys that share their first bytes: 17 % of the projector's CPU samples while messages were being sent
     * (docs/benchmarks.md, round 9).
     */
    private <V> void addUncachedStore(StreamsBuilder builder, String name, Serde<V> values) {
        builder.addStateStore(Stores.keyValueStoreBuilder(storeKind.apply(name), KEYS, values));
    }

    /**
     * Cached: a key written several times between two commits (a campaign's unpublished mark above all) reaches
     * RocksDB and its changelog once per commit, and reads of recent keys skip RocksDB.
     */
    private <V> void addCachedStore(StreamsBuilder builder, String name, Serde<V> values) {
        builder.addStateStore(Stores.keyValueStoreBuilder(storeKind.apply(name), KEYS, values).withCachingEnabled());
    }
}
