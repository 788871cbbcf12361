package io.wascheduler.localstack.kafka;

import io.wascheduler.model.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates every topic of the catalogue in common-model before any service starts, so no consumer races a
 * producer to a missing topic. The delay tiers get the catalogue's settings; dispatcher-service then
 * switches them to broker append time ({@code spring.kafka.admin.modify-topic-configs}) as it starts.
 */
final class TopicCreator {

    private static final short REPLICATION_FACTOR = 1;
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(250);

    private TopicCreator() {
    }

    static void createAll(String bootstrapServers, Duration timeout, BooleanSupplier brokerAlive) {
        Map<String, Object> config = Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ATTEMPT_TIMEOUT.toMillis(),
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ATTEMPT_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(config)) {
            awaitCluster(admin, bootstrapServers, timeout, brokerAlive);
            List<NewTopic> topics = Topics.all().stream().map(spec -> spec.toNewTopic(REPLICATION_FACTOR)).toList();
            admin.createTopics(topics).values().values().forEach(TopicCreator::awaitCreatedOrExisting);
        }
    }

    private static void awaitCluster(Admin admin, String bootstrapServers, Duration timeout, BooleanSupplier brokerAlive) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (!brokerAlive.getAsBoolean()) {
                throw new IllegalStateException("the broker process exited");
            }
            try {
                admin.describeCluster().nodes().get(ATTEMPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException | TimeoutException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("no answer from " + bootstrapServers + " within " + timeout, e);
                }
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void awaitCreatedOrExisting(KafkaFuture<Void> creation) {
        try {
            creation.get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create a topic: " + e.getCause().getMessage(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
