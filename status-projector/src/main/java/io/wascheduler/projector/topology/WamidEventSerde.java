package io.wascheduler.projector.topology;

import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.MessageDispatched;
import io.wascheduler.projector.message.WamidEvent;
import io.wascheduler.projector.message.WamidLink;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The by-wamid repartition topic: a link in the compact form, a status as the event it is (EventCodec JSON).
 * A whole MessageDispatched, as earlier versions of the projector wrote to the topic, is read as its link.
 */
final class WamidEventSerde implements Serde<WamidEvent> {

    private final CompactSerde<WamidLink> links = new CompactSerde<>(WamidLink.class, StateCodecs.WAMID_LINK);

    @Override
    public Serializer<WamidEvent> serializer() {
        Serializer<WamidLink> link = links.serializer();
        return (topic, event) -> switch (event) {
            case null -> null;
            case WamidEvent.Dispatch dispatch -> link.serialize(topic, dispatch.link());
            case WamidEvent.Status status -> EventCodec.encode(status.event());
        };
    }

    @Override
    public Deserializer<WamidEvent> deserializer() {
        Deserializer<WamidLink> link = links.deserializer();
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length > 0 && bytes[0] == CompactSerde.FORMAT) {
                return new WamidEvent.Dispatch(link.deserialize(topic, bytes));
            }
            EventEnvelope event = EventCodec.decode(bytes);
            return event.payload() instanceof MessageDispatched dispatched
                ? WamidEvent.dispatchOf(dispatched)
                : new WamidEvent.Status(event);
        };
    }
}
