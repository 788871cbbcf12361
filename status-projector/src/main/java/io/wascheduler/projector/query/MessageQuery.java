package io.wascheduler.projector.query;

import io.wascheduler.projector.message.MessageStores;
import io.wascheduler.projector.message.MessageView;
import java.util.List;
import reactor.core.publisher.Mono;

/** A message's current state wherever it lives. */
final class MessageQuery {

    private final KeyOwnerRouter router;

    MessageQuery(KeyOwnerRouter router) {
        this.router = router;
    }

    /** Errors with {@link UnknownIdException} when no instance knows the message. */
    Mono<MessageStatusView> message(String messageId, boolean forwarded) {
        return router.<MessageView, MessageStatusView>find(MessageStores.MESSAGES, messageId, MessageStatusView::of,
                List.of("internal", "v1", "messages", messageId), MessageStatusView.class, forwarded)
            .switchIfEmpty(Mono.error(() -> new UnknownIdException("message", messageId)));
    }
}
