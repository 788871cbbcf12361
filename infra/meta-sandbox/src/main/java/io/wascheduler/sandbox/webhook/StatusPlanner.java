package io.wascheduler.sandbox.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

import io.wascheduler.sandbox.config.StatusSettings;
import io.wascheduler.sandbox.webhook.StatusEvent.Kind;

/**
 * Decides which statuses an accepted message gets and when each is posted: sent, then delivered and read
 * with their probabilities (or a single failed), each after its delay; then Meta's disorders: with their
 * probabilities, a status is posted twice, or the message's statuses are posted latest first. A status keeps
 * the time it happened even when it is posted out of order.
 */
final class StatusPlanner {

    record PlannedStatus(StatusEvent event, Instant postAt) {
    }

    private StatusPlanner() {
    }

    static List<PlannedStatus> plan(AcceptedMessage message, StatusSettings settings, RandomGenerator random) {
        List<StatusEvent> events = happenings(message, settings, random);
        List<Instant> postTimes = new ArrayList<>(events.stream().map(StatusEvent::occurredAt).toList());
        if (events.size() > 1 && random.nextDouble() < settings.reorderProbability()) {
            postTimes.sort(Comparator.reverseOrder());
        }
        List<PlannedStatus> plan = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            PlannedStatus planned = new PlannedStatus(events.get(i), postTimes.get(i));
            plan.add(planned);
            if (random.nextDouble() < settings.duplicateProbability()) {
                plan.add(new PlannedStatus(planned.event(), planned.postAt().plus(settings.sentDelay())));
            }
        }
        return plan;
    }

    private static List<StatusEvent> happenings(AcceptedMessage message, StatusSettings settings,
            RandomGenerator random) {
        Instant sentAt = message.acceptedAt().plus(settings.sentDelay());
        if (message.failure() != null) {
            return List.of(new StatusEvent(message, Kind.FAILED, sentAt));
        }
        List<StatusEvent> events = new ArrayList<>();
        events.add(new StatusEvent(message, Kind.SENT, sentAt));
        if (random.nextDouble() < settings.deliveredProbability()) {
            Instant deliveredAt = sentAt.plus(settings.deliveredDelay());
            events.add(new StatusEvent(message, Kind.DELIVERED, deliveredAt));
            if (random.nextDouble() < settings.readProbability()) {
                events.add(new StatusEvent(message, Kind.READ, deliveredAt.plus(settings.readDelay())));
            }
        }
        return events;
    }
}
