package io.wascheduler.projector.query;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class MessageController {

    private final MessageQuery query;

    MessageController(MessageQuery query) {
        this.query = query;
    }

    @GetMapping(path = "/internal/v1/messages/{messageId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<MessageStatusView> message(@PathVariable String messageId,
        @RequestHeader(name = KeyOwnerRouter.FORWARDED_HEADER, required = false) String forwardedBy) {
        return query.message(messageId, forwardedBy != null);
    }
}
