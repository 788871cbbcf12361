package io.wascheduler.projector.message;

import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.event.EventEnvelope;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes the commands as they come off their topic, but not a first schedule that {@link MessageProjection} would
 * ignore: it is told apart by its first bytes ({@link EventCodec#isFirstSchedule}) and a look at the message's view,
 * so a launch's million schedules are never decoded. An undecodable command is logged and skipped, as the
 * deserialization handler does on the other topics.
 */
public final class CommandDecoder extends ContextualProcessor<String, byte[], String, EventEnvelope> {

    private static final Logger log = LoggerFactory.getLogger(CommandDecoder.class);

    private KeyValueStore<String, MessageView> messages;

    @Override
    public void init(ProcessorContext<String, EventEnvelope> context) {
        super.init(context);
        messages = context.getStateStore(MessageStores.MESSAGES);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (EventCodec.isFirstSchedule(record.value())
            && MessageProjection.ignoresFirstSchedule(messages.get(record.key()))) {
            return;
        }
        EventEnvelope command;
        try {
            command = EventCodec.decode(record.value());
        } catch (RuntimeException e) {
            log.warn("Skipping an undecodable command for message {}: {}", record.key(), e.getMessage());
            return;
        }
        context().forward(record.withValue(command));
    }
}
