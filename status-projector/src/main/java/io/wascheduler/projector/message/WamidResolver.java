package io.wascheduler.projector.message;

import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.MessageStatusReported;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Input keyed by wamid: the links MessageDispatched makes (which name the wamid's message) and statuses without
 * our callback data. Forwards each status, keyed by its message id, as soon as its wamid is known; until then
 * the status is parked, for at most the retention (a wamid we never dispatched is not ours).
 */
public final class WamidResolver extends ContextualProcessor<String, WamidEvent, String, EventEnvelope> {

    private final Duration parkedRetention;
    private final Duration sweepInterval;
    private KeyValueStore<String, WamidLink> links;
    private KeyValueStore<String, ParkedStatuses> parked;

    public WamidResolver(Duration parkedRetention, Duration sweepInterval) {
        this.parkedRetention = parkedRetention;
        this.sweepInterval = sweepInterval;
    }

    @Override
    public void init(ProcessorContext<String, EventEnvelope> context) {
        super.init(context);
        links = context.getStateStore(MessageStores.WAMID_INDEX);
        parked = context.getStateStore(MessageStores.PARKED_STATUSES);
        context.schedule(sweepInterval, PunctuationType.WALL_CLOCK_TIME, this::dropExpired);
    }

    @Override
    public void process(Record<String, WamidEvent> record) {
        String wamid = record.key();
        switch (record.value()) {
            case WamidEvent.Dispatch dispatch -> link(record, wamid, dispatch.link());
            case WamidEvent.Status status -> resolveOrPark(record, wamid, status.event());
        }
    }

    private void link(Record<String, WamidEvent> record, String wamid, WamidLink link) {
        links.put(wamid, link);
        // Looked up before deleting: a delete writes a tombstone to the changelog even when nothing was parked,
        // which is almost always.
        ParkedStatuses waiting = parked.get(wamid);
        if (waiting != null) {
            parked.delete(wamid);
            waiting.events().forEach(json -> forwardResolved(record, link,
                EventCodec.decode(json.getBytes(StandardCharsets.UTF_8))));
        }
    }

    private void resolveOrPark(Record<String, WamidEvent> record, String wamid, EventEnvelope status) {
        WamidLink link = links.get(wamid);
        if (link != null) {
            forwardResolved(record, link, status);
            return;
        }
        ParkedStatuses waiting = parked.get(wamid);
        String json = EventCodec.encodeToString(status);
        Instant now = Instant.ofEpochMilli(context().currentSystemTimeMs());
        parked.put(wamid, waiting == null ? new ParkedStatuses(now, List.of(json)) : waiting.with(json));
    }

    private void forwardResolved(Record<String, WamidEvent> record, WamidLink link, EventEnvelope status) {
        EventEnvelope resolved = new EventEnvelope(status.eventId(), status.type(), status.schemaVersion(),
            status.occurredAt(), status.tenantId(), link.attachTo(status.payloadAs(MessageStatusReported.class)));
        context().forward(record.withKey(link.messageId()).withValue(resolved));
    }

    private void dropExpired(long nowMs) {
        Instant oldestKept = Instant.ofEpochMilli(nowMs).minus(parkedRetention);
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, ParkedStatuses> all = parked.all()) {
            while (all.hasNext()) {
                KeyValue<String, ParkedStatuses> entry = all.next();
                if (entry.value.parkedAt().isBefore(oldestKept)) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(parked::delete);
    }
}
