package io.wascheduler.model.event;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serde for {@link EventEnvelope}, usable by plain clients, spring-kafka and Kafka Streams alike. */
public final class EventSerde implements Serde<EventEnvelope> {

    @Override
    public Serializer<EventEnvelope> serializer() {
        return new EnvelopeSerializer();
    }

    @Override
    public Deserializer<EventEnvelope> deserializer() {
        return new EnvelopeDeserializer();
    }

    public static final class EnvelopeSerializer implements Serializer<EventEnvelope> {
        @Override
        public byte[] serialize(String topic, EventEnvelope envelope) {
            return envelope == null ? null : EventCodec.encode(envelope);
        }
    }

    public static final class EnvelopeDeserializer implements Deserializer<EventEnvelope> {
        @Override
        public EventEnvelope deserialize(String topic, byte[] bytes) {
            if (bytes == null) {
                return null;
            }
            try {
                return EventCodec.decode(bytes);
            } catch (RuntimeException e) {
                throw new SerializationException("Undecodable event on " + topic + ": " + e.getMessage(), e);
            }
        }
    }
}
