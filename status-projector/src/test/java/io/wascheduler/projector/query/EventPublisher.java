package io.wascheduler.projector.query;

import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.EventSerde;
import io.wascheduler.projector.topology.Events;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes events as their real producers do: on their topic, under their key, with the EventSerde. */
final class EventPublisher {

    private EventPublisher() {
    }

    static void publish(String bootstrapServers, EventEnvelope... events) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaProducer<String, EventEnvelope> producer =
                 new KafkaProducer<>(config, new StringSerializer(), new EventSerde().serializer())) {
            for (EventEnvelope event : events) {
                producer.send(new ProducerRecord<>(Events.topicOf(event).name(), event.key(), event));
            }
            producer.flush();
        }
    }
}
