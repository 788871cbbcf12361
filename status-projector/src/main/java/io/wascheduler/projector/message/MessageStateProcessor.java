package io.wascheduler.projector.message;

import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.projector.campaign.CampaignUpdate;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each message's view (input keyed by message id) and forwards, keyed by campaign id, the moves
 * its campaign's counters must make.
 */
public final class MessageStateProcessor extends ContextualProcessor<String, EventEnvelope, String, CampaignUpdate> {

    private KeyValueStore<String, MessageView> messages;

    @Override
    public void init(ProcessorContext<String, CampaignUpdate> context) {
        super.init(context);
        messages = context.getStateStore(MessageStores.MESSAGES);
    }

    @Override
    public void process(Record<String, EventEnvelope> record) {
        String messageId = record.key();
        MessageProjection.apply(messages.get(messageId), messageId, record.value()).ifPresent(change -> {
            messages.put(messageId, change.after());
            if (change.campaignUpdate() != null) {
                context().forward(record.withKey(change.after().campaignId()).withValue(change.campaignUpdate()));
            }
        });
    }
}
