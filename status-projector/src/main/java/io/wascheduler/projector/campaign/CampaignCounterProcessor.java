package io.wascheduler.projector.campaign;

import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies campaign updates (keyed by campaign id) to the counters and publishes a CampaignProgress for
 * each changed campaign once per publish interval, however many changes it had: the topic sees at most a
 * few per second per campaign. Which campaigns are due is kept in a store, so a restart loses none.
 */
public final class CampaignCounterProcessor extends ContextualProcessor<String, CampaignUpdate, String, EventEnvelope> {

    private final Duration rateWindow;
    private final Duration publishInterval;
    private KeyValueStore<String, CampaignCounters> counters;
    private KeyValueStore<String, Long> unpublished;

    public CampaignCounterProcessor(Duration rateWindow, Duration publishInterval) {
        this.rateWindow = rateWindow;
        this.publishInterval = publishInterval;
    }

    @Override
    public void init(ProcessorContext<String, EventEnvelope> context) {
        super.init(context);
        counters = context.getStateStore(CampaignStores.COUNTERS);
        unpublished = context.getStateStore(CampaignStores.UNPUBLISHED);
        context.schedule(publishInterval, PunctuationType.WALL_CLOCK_TIME, this::publishChanged);
    }

    @Override
    public void process(Record<String, CampaignUpdate> record) {
        String campaignId = record.key();
        long nowMs = context().currentSystemTimeMs();
        CampaignCounters current = counters.get(campaignId);
        CampaignCounters next = (current == null ? CampaignCounters.empty(campaignId) : current)
            .apply(record.value(), Instant.ofEpochMilli(nowMs), rateWindow);
        counters.put(campaignId, next);
        unpublished.putIfAbsent(campaignId, nowMs);
    }

    private void publishChanged(long nowMs) {
        List<String> due = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = unpublished.all()) {
            all.forEachRemaining(entry -> due.add(entry.key));
        }
        Instant now = Instant.ofEpochMilli(nowMs);
        for (String campaignId : due) {
            CampaignCounters campaign = counters.get(campaignId);
            EventEnvelope progress = new EventEnvelope(UUID.randomUUID(), EventType.CAMPAIGN_PROGRESS,
                EventType.CAMPAIGN_PROGRESS.currentSchemaVersion(), now, campaign.tenantId(), campaign.progress());
            context().forward(new Record<>(campaignId, progress, nowMs));
            unpublished.delete(campaignId);
        }
    }
}
