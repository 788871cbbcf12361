package io.wascheduler.projector.message;

import io.wascheduler.model.event.EventEnvelope;
import io.wascheduler.model.event.MessageDispatched;

/**
 * What {@link WamidResolver} reads, keyed by wamid: the link a MessageDispatched made (only what resolving needs,
 * so every send does not carry its whole outcome through another topic) or a status without our callback data.
 */
public sealed interface WamidEvent {

    record Dispatch(WamidLink link) implements WamidEvent {
    }

    record Status(EventEnvelope event) implements WamidEvent {
    }

    static WamidEvent dispatchOf(MessageDispatched dispatched) {
        return new Dispatch(new WamidLink(dispatched.messageId(), dispatched.version(), dispatched.campaignId()));
    }
}
