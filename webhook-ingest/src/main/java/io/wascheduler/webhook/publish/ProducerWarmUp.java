package io.wascheduler.webhook.publish;

import io.wascheduler.model.topic.TopicSpec;
import io.wascheduler.model.topic.Topics;
import java.util.List;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Creates the producer and fetches the topics' metadata once the service is up, in the background,
 * so that the first webhook after a start is not the one that pays for it (about a second).
 */
@Component
class ProducerWarmUp {

    private static final Logger log = LoggerFactory.getLogger(ProducerWarmUp.class);
    private static final List<TopicSpec> PUBLISHED =
        List.of(Topics.WEBHOOK_RAW, Topics.MESSAGE_STATUSES, Topics.INBOUND_MESSAGES);

    private final KafkaTemplate<String, byte[]> kafka;

    ProducerWarmUp(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Mono.fromRunnable(this::fetchMetadata).subscribeOn(Schedulers.boundedElastic()).subscribe();
    }

    private void fetchMetadata() {
        try {
            PUBLISHED.forEach(topic -> kafka.partitionsFor(topic.name()));
        } catch (KafkaException unavailable) {
            log.info("Kafka not reachable yet; the first webhook will connect: {}", unavailable.getMessage());
        }
    }
}
