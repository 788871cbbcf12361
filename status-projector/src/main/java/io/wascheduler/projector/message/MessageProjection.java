package io.wascheduler.projector.message;

import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.EventPayload;
import io.wascheduler.model.event.MessageCancelled;
import io.wascheduler.model.event.MessageDispatchFailed;
import io.wascheduler.model.event.MessageDispatched;
import io.wascheduler.model.event.MessageScheduled;
import io.wascheduler.model.event.MessageStatusReported;
import io.wascheduler.model.lifecycle.MessageLifecycle;
import io.wascheduler.model.lifecycle.MessageState;
import io.wascheduler.model.lifecycle.MessageStatus;
import io.wascheduler.projector.campaign.CampaignUpdate;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Applies one event to a message's view. The state itself is {@link MessageLifecycle#merge}; this adds
 * what the counters need: once the message's campaign is known, every change of the status its campaign counts
 * it in becomes a {@link CampaignUpdate} moving it from the old status to the new one (from nothing the first
 * time, and from or to nothing while it is SCHEDULED, which is not counted).
 */
public final class MessageProjection {

    /** The view after an event, and the move to credit to its campaign (null when there is none). */
    public record Change(MessageView after, CampaignUpdate campaignUpdate) {
    }

    private MessageProjection() {
    }

    /**
     * Empty when the event changes nothing: a duplicate, news the current status outranks, an older version's
     * news, or the first schedule of a message nothing is known of yet. No view is what a message waiting for its
     * first attempt looks like (the counters count it pending from its campaign's declared total, and nothing
     * asks for it before it is sent), so a launch's million schedules write nothing to the store or its changelog.
     */
    public static Optional<Change> apply(MessageView current, String messageId, EventEnvelope envelope) {
        EventPayload event = envelope.payload();
        if (event instanceof MessageScheduled scheduled && MessageScheduled.isFirstVersion(scheduled.version())
            && ignoresFirstSchedule(current)) {
            return Optional.empty();
        }
        Optional<MessageState> shown = MessageLifecycle.observedBy(event);
        if (shown.isEmpty()) {
            return Optional.empty();
        }
        MessageState observed = shown.get();
        MessageState merged = MessageLifecycle.merge(current == null ? null : current.state(), observed);
        Instant at = instantOf(envelope);
        boolean newVersion = current == null || merged.version() > current.version();

        Map<MessageStatus, Instant> reachedAt = new EnumMap<>(MessageStatus.class);
        if (!newVersion) {
            reachedAt.putAll(current.reachedAt());
        }
        if (observed.version() == merged.version()) {
            reachedAt.putIfAbsent(observed.status(), at);
        }
        String wamid = wamidOf(event);
        if (wamid == null || observed.version() < merged.version()) {
            wamid = current == null ? null : current.wamid();
        }
        String campaignId = current != null && current.campaignId() != null ? current.campaignId() : campaignOf(event);
        Instant updatedAt = current == null || at.isAfter(current.updatedAt()) ? at : current.updatedAt();

        MessageView after = new MessageView(messageId, merged.version(), merged.status(), campaignId, wamid,
            reachedAt, updatedAt);
        if (after.equals(current)) {
            return Optional.empty();
        }
        return Optional.of(new Change(after, campaignUpdate(current, after, envelope.tenantId())));
    }

    /** Whether a first schedule of a message with this view changes nothing: when nothing is known of it yet. */
    public static boolean ignoresFirstSchedule(MessageView current) {
        return current == null;
    }

    private static CampaignUpdate campaignUpdate(MessageView before, MessageView after, String tenantId) {
        if (after.campaignId() == null) {
            return null;
        }
        MessageStatus from = before == null || before.campaignId() == null ? null : counted(before.status());
        MessageStatus to = counted(after.status());
        if (from == to) {
            return null;
        }
        boolean becameSent = (from == null || !from.isSentOrLater()) && to != null && to.isSentOrLater();
        return CampaignUpdate.moved(tenantId, from, to, becameSent ? firstSentAt(after) : null);
    }

    /**
     * The status a campaign counts the message in; none while it is SCHEDULED. A campaign's pending messages are
     * its declared total less those counted elsewhere, so scheduling a million messages moves no counter: no
     * campaign update per MessageScheduled, which was half of what the projection did for each one.
     */
    private static MessageStatus counted(MessageStatus status) {
        return status == MessageStatus.SCHEDULED ? null : status;
    }

    /** When the current version was first seen sent (or later), even if this event, crediting it late, came after. */
    private static Instant firstSentAt(MessageView view) {
        return view.reachedAt().entrySet().stream()
            .filter(reached -> reached.getKey().isSentOrLater())
            .map(Map.Entry::getValue)
            .min(Comparator.naturalOrder())
            .orElse(view.updatedAt());
    }

    /** When the event says the thing happened; the envelope's time when the payload carries none. */
    private static Instant instantOf(EventEnvelope envelope) {
        Instant at = switch (envelope.payload()) {
            case MessageDispatched dispatched -> dispatched.dispatchedAt();
            case MessageDispatchFailed failed -> failed.failedAt();
            case MessageStatusReported reported -> reported.statusAt();
            default -> null;
        };
        return at != null ? at : envelope.occurredAt();
    }

    private static String wamidOf(EventPayload event) {
        return switch (event) {
            case MessageDispatched dispatched -> dispatched.wamid();
            case MessageStatusReported reported -> reported.wamid();
            default -> null;
        };
    }

    private static String campaignOf(EventPayload event) {
        return switch (event) {
            case MessageScheduled scheduled -> scheduled.campaignId();
            case MessageCancelled cancelled -> cancelled.campaignId();
            case MessageDispatched dispatched -> dispatched.campaignId();
            case MessageDispatchFailed failed -> failed.campaignId();
            case MessageStatusReported reported -> reported.campaignId();
            default -> null;
        };
    }
}
