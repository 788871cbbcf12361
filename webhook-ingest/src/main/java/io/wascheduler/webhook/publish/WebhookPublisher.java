package io.wascheduler.webhook.publish;

import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.EventSerde;
import io.wascheduler.model.topic.TopicSpec;
import io.wascheduler.model.topic.Topics;
import io.wascheduler.webhook.parse.ParsedWebhook;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Writes a parsed webhook to Kafka and completes only when the broker has acknowledged every record
 * (the producer runs with acks=all and idempotence). Records are independent: if some fail, the
 * caller answers 503, Meta redelivers the whole body and the records that did land arrive twice,
 * which the raw topic tolerates and the status consumers absorb by being idempotent by state.
 */
public final class WebhookPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final Serializer<EventEnvelope> events = new EventSerde().serializer();
    private final Duration timeout;

    public WebhookPublisher(KafkaTemplate<String, byte[]> kafka, Duration timeout) {
        this.kafka = kafka;
        this.timeout = timeout;
    }

    /** Completes when all records are acknowledged; fails with {@link PublishFailedException} otherwise. */
    public Mono<Void> publish(ParsedWebhook webhook) {
        List<ProducerRecord<String, byte[]>> records = records(webhook);
        // send() can block for up to max.block.ms while the broker is unreachable (metadata, full
        // buffer), so it must not run on a Netty event loop.
        return Mono.fromCallable(() -> sendAll(records))
            .subscribeOn(Schedulers.boundedElastic())
            .flatMap(Mono::fromFuture)
            .timeout(timeout)
            .onErrorMap(WebhookPublisher::describe)
            .then();
    }

    private List<ProducerRecord<String, byte[]>> records(ParsedWebhook webhook) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        records.add(new ProducerRecord<>(Topics.WEBHOOK_RAW.name(), webhook.raw().key(), webhook.raw().body()));
        webhook.statuses().forEach(event -> records.add(eventRecord(Topics.MESSAGE_STATUSES, event)));
        webhook.inboundMessages().forEach(event -> records.add(eventRecord(Topics.INBOUND_MESSAGES, event)));
        return records;
    }

    private ProducerRecord<String, byte[]> eventRecord(TopicSpec topic, EventEnvelope event) {
        return new ProducerRecord<>(topic.name(), event.key(), events.serialize(topic.name(), event));
    }

    /** Completes when every send is acknowledged, or exceptionally as soon as one fails. */
    private CompletableFuture<Void> sendAll(List<ProducerRecord<String, byte[]>> records) {
        CompletableFuture<Void> allAcknowledged = new CompletableFuture<>();
        List<CompletableFuture<?>> acks = new ArrayList<>(records.size());
        for (ProducerRecord<String, byte[]> record : records) {
            CompletableFuture<?> ack = kafka.send(record);
            ack.whenComplete((result, failure) -> {
                if (failure != null) {
                    allAcknowledged.completeExceptionally(failure);
                }
            });
            acks.add(ack);
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
            .thenRun(() -> allAcknowledged.complete(null));
        return allAcknowledged;
    }

    private static Throwable describe(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return new PublishFailedException("the broker did not acknowledge the webhook in time", failure);
        }
        return new PublishFailedException("the broker did not acknowledge the webhook: " + failure.getMessage(), failure);
    }
}
