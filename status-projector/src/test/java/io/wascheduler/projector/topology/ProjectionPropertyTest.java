package io.wascheduler.projector.topology;

import static io.wascheduler.projector.topology.Events.campaignScheduled;
import static io.wascheduler.projector.topology.Events.cancelled;
import static io.wascheduler.projector.topology.Events.dispatched;
import static io.wascheduler.projector.topology.Events.failedFinally;
import static io.wascheduler.projector.topology.Events.failedRetryably;
import static io.wascheduler.projector.topology.Events.scheduled;
import static io.wascheduler.projector.topology.Events.status;
import static io.wascheduler.projector.topology.Events.statusByWamid;
import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.model.event.CampaignProgress;
import io.wascheduler.model.event.DeliveryStatus;
import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.lifecycle.MessageLifecycle;
import io.wascheduler.model.lifecycle.MessageState;
import io.wascheduler.model.lifecycle.MessageStatus;
import io.wascheduler.projector.message.MessageView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever the order and however often events arrive, the counters equal a plain reference: what each
 * message's last version ended as, stated directly from its plan (not through the lifecycle code under test),
 * then counted. Each message's in-order replay through {@link MessageLifecycle} must agree with it too.
 */
class ProjectionPropertyTest {

    /** One driver for all tries, each with its own ids, on in-memory stores: RocksDB flushes on every test record. */
    private static ProjectionDriver projection;
    private static final AtomicInteger TRIES = new AtomicInteger();

    @BeforeContainer
    static void startTheProjection() {
        projection = ProjectionDriver.withInMemoryStores();
    }

    @AfterContainer
    static void stopTheProjection() {
        projection.close();
    }

    enum Outcome { NONE, CANCELLED, FINAL_FAILURE, DISPATCHED }

    /**
     * What happens to one version of a message: the dispatcher's failed attempts that it will retry, then the
     * outcome (NONE: still waiting, or still being retried after a failed attempt); statuses only follow a dispatch.
     */
    record VersionPlan(int retryableFailures, Outcome outcome, Set<DeliveryStatus> statuses, boolean withoutCallbackData) {

        /** The reference: how this version ends, said plainly. */
        MessageStatus expectedStatus() {
            return switch (outcome) {
                case NONE -> retryableFailures > 0 ? MessageStatus.SENDING : MessageStatus.SCHEDULED;
                case CANCELLED -> MessageStatus.CANCELLED;
                case FINAL_FAILURE -> MessageStatus.FAILED;
                case DISPATCHED -> furthestReported();
            };
        }

        /** Read beats delivered, delivered beats Meta's failure (a failure never undoes a delivery), all beat sent. */
        private MessageStatus furthestReported() {
            if (statuses.contains(DeliveryStatus.READ)) {
                return MessageStatus.READ;
            }
            if (statuses.contains(DeliveryStatus.DELIVERED)) {
                return MessageStatus.DELIVERED;
            }
            return statuses.contains(DeliveryStatus.FAILED) ? MessageStatus.FAILED : MessageStatus.SENT;
        }
    }

    /** An event as it travels, and as it really was (the wamid-only status with its message filled in). */
    record Happened(EventEnvelope onTheWire, EventEnvelope truth) {
    }

    @Property(tries = 100)
    void theCountersEqualAReplayOfEveryMessageInOrderWhateverTheDeliveryOrderAndDuplicates(
        @ForAll("messageHistories") List<List<VersionPlan>> messages,
        @ForAll @IntRange(max = 3) int declaredButUnseen,
        @ForAll Random random) {

        String run = "t" + TRIES.incrementAndGet() + "-";
        String campaign = run + "cmp";
        List<EventEnvelope> wire = new ArrayList<>();
        Map<MessageStatus, Long> expectedByStatus = new EnumMap<>(MessageStatus.class);
        Map<String, MessageStatus> expectedStatus = new HashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            String messageId = run + "m" + i;
            List<Happened> history = history(messageId, campaign, messages.get(i));
            MessageState last = null;
            for (Happened event : history) {
                wire.add(event.onTheWire());
                Optional<MessageState> observed = MessageLifecycle.observedBy(event.truth().payload());
                if (observed.isPresent()) {
                    last = MessageLifecycle.merge(last, observed.get());
                }
            }
            MessageStatus expected = messages.get(i).getLast().expectedStatus();
            assertThat(last.status()).as("in-order replay of " + messageId).isEqualTo(expected);
            expectedStatus.put(messageId, expected);
            expectedByStatus.merge(expected, 1L, Long::sum);
        }
        long total = messages.size() + declaredButUnseen;
        wire.add(campaignScheduled(campaign, total));
        List<EventEnvelope> delivered = shuffledWithDuplicates(wire, random);

        projection.pipe(delivered);

        expectedStatus.forEach((messageId, status) -> assertThat(statusOf(projection.message(messageId)))
            .as(messageId).isEqualTo(status));
        CampaignProgress funnel = projection.funnel(campaign);
        long pending = count(expectedByStatus, MessageStatus.SCHEDULED) + declaredButUnseen;
        long sending = count(expectedByStatus, MessageStatus.SENDING);
        long read = count(expectedByStatus, MessageStatus.READ);
        long deliveredOrLater = count(expectedByStatus, MessageStatus.DELIVERED) + read;
        long sentOrLater = count(expectedByStatus, MessageStatus.SENT) + deliveredOrLater;
        assertThat(List.of(funnel.total(), funnel.pending(), funnel.sending(), funnel.sent(), funnel.delivered(),
            funnel.read(), funnel.failed(), funnel.cancelled()))
            .as("total, pending, sending, sent, delivered, read, failed, cancelled")
            .containsExactly(total, pending, sending, sentOrLater, deliveredOrLater, read,
                count(expectedByStatus, MessageStatus.FAILED), count(expectedByStatus, MessageStatus.CANCELLED));
        assertThat(funnel.pending() + funnel.sending() + funnel.sent() + funnel.failed() + funnel.cancelled())
            .as("total = pending + sending + sent + failed + cancelled").isEqualTo(funnel.total());
        assertThat(projection.publishedAfterAnInterval()).filteredOn(progress -> progress.campaignId().equals(campaign))
            .last().isEqualTo(funnel);
    }

    /** No view is a message waiting for its first attempt. */
    private static MessageStatus statusOf(MessageView view) {
        return view == null ? MessageStatus.SCHEDULED : view.status();
    }

    @Provide
    Arbitrary<List<List<VersionPlan>>> messageHistories() {
        Arbitrary<VersionPlan> version = Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.of(Outcome.class),
                Arbitraries.of(DeliveryStatus.class).set().ofMaxSize(DeliveryStatus.values().length),
                Arbitraries.of(true, false))
            .as(VersionPlan::new);
        return version.list().ofMinSize(1).ofMaxSize(3).list().ofMinSize(1).ofMaxSize(15);
    }

    private static List<Happened> history(String messageId, String campaign, List<VersionPlan> versions) {
        List<Happened> history = new ArrayList<>();
        for (int v = 1; v <= versions.size(); v++) {
            VersionPlan plan = versions.get(v - 1);
            history.add(asIs(scheduled(messageId, v, campaign)));
            String wamid = "wamid." + messageId + "." + v;
            for (int attempt = 1; attempt <= plan.retryableFailures(); attempt++) {
                history.add(asIs(failedRetryably(messageId, v, campaign, attempt)));
            }
            switch (plan.outcome()) {
                case NONE -> { }
                case CANCELLED -> history.add(asIs(cancelled(messageId, v, campaign)));
                case FINAL_FAILURE -> history.add(asIs(failedFinally(messageId, v, campaign)));
                case DISPATCHED -> {
                    history.add(asIs(dispatched(messageId, v, campaign, wamid)));
                    for (DeliveryStatus status : plan.statuses()) {
                        EventEnvelope truth = status(messageId, v, campaign, wamid, status);
                        history.add(new Happened(plan.withoutCallbackData() ? statusByWamid(wamid, status) : truth, truth));
                    }
                }
            }
        }
        return history;
    }

    private static Happened asIs(EventEnvelope event) {
        return new Happened(event, event);
    }

    /** Every event at least once, about a third of them twice, in a random order. */
    private static List<EventEnvelope> shuffledWithDuplicates(List<EventEnvelope> events, Random random) {
        List<EventEnvelope> delivered = new ArrayList<>(events);
        events.stream().filter(event -> random.nextInt(3) == 0).map(Events::redelivered).forEach(delivered::add);
        Collections.shuffle(delivered, random);
        return delivered;
    }

    private static long count(Map<MessageStatus, Long> byStatus, MessageStatus status) {
        return byStatus.getOrDefault(status, 0L);
    }
}
