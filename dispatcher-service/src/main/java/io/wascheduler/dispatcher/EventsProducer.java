package io.wascheduler.dispatcher;

import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The one idempotent, acks=all producer of the send side: outcomes, sender status and re-entries into the
 * ladder. The send loop flushes it before committing its offsets, so nothing it consumed is forgotten.
 */
@Component
public class EventsProducer implements DisposableBean {

    private final KafkaProducer<String, byte[]> producer;

    EventsProducer(KafkaClients kafka, DispatcherProperties properties) {
        this.producer = kafka.producer("events", properties.sending().eventsLinger());
    }

    public void send(ProducerRecord<String, byte[]> record) {
        producer.send(record);
    }

    /** Blocks until every record sent so far is acknowledged; throws if one failed. */
    public void flush() {
        producer.flush();
    }

    @Override
    public void destroy() {
        producer.close(Duration.ofSeconds(5));
    }
}
