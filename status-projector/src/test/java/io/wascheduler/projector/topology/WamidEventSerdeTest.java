package io.wascheduler.projector.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.model.event.DeliveryStatus;
import io.wascheduler.model.event.EventCodec;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.MessageDispatched;
import io.wascheduler.projector.message.WamidEvent;
import io.wascheduler.projector.message.WamidLink;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class WamidEventSerdeTest {

    private static final String TOPIC = "status-projector-by-wamid-repartition";

    private final Serde<WamidEvent> serde = new WamidEventSerde();

    @Test
    void aDispatchTravelsAsItsLinkAlone() {
        EventEnvelope dispatched = Events.dispatched("m1", 2, "c1", "wamid.1");
        WamidEvent dispatch = WamidEvent.dispatchOf(dispatched.payloadAs(MessageDispatched.class));

        byte[] bytes = serde.serializer().serialize(TOPIC, dispatch);

        assertThat(serde.deserializer().deserialize(TOPIC, bytes))
            .isEqualTo(new WamidEvent.Dispatch(new WamidLink("m1", 2, "c1")));
        assertThat(bytes.length).isLessThan(EventCodec.encode(dispatched).length / 4);
    }

    @Test
    void aStatusTravelsAsTheEventItIs() {
        EventEnvelope status = Events.statusByWamid("wamid.1", DeliveryStatus.DELIVERED);

        byte[] bytes = serde.serializer().serialize(TOPIC, new WamidEvent.Status(status));

        assertThat(bytes).isEqualTo(EventCodec.encode(status));
        assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(new WamidEvent.Status(status));
    }

    @Test
    void aWholeMessageDispatchedAnEarlierVersionWroteIsReadAsItsLink() {
        byte[] earlier = EventCodec.encode(Events.dispatched("m1", 3, null, "wamid.1"));

        assertThat(serde.deserializer().deserialize(TOPIC, earlier))
            .isEqualTo(new WamidEvent.Dispatch(new WamidLink("m1", 3, null)));
    }
}
