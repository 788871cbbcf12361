package io.wascheduler.api.message;

import io.wascheduler.api.auth.TenantAttribute;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/v1/messages")
class MessageController {

    private final MessageService messages;
    private final MessageCommands commands;
    private final BulkMessageCommands bulk;

    MessageController(MessageService messages, MessageCommands commands, BulkMessageCommands bulk) {
        this.messages = messages;
        this.commands = commands;
        this.bulk = bulk;
    }

    @PostMapping
    Mono<ResponseEntity<MessageView>> schedule(@RequestAttribute(TenantAttribute.NAME) String tenantId,
                                               @RequestBody ScheduleMessageRequest request) {
        return messages.schedule(tenantId, request)
            .map(view -> ResponseEntity.created(URI.create("/v1/messages/" + view.id())).body(view));
    }

    @GetMapping("/{id}")
    Mono<MessageView> find(@RequestAttribute(TenantAttribute.NAME) String tenantId, @PathVariable String id) {
        return messages.find(tenantId, id);
    }

    @PatchMapping("/{id}")
    Mono<MessageView> edit(@RequestAttribute(TenantAttribute.NAME) String tenantId, @PathVariable String id,
                           @RequestBody EditMessageRequest request) {
        return commands.edit(tenantId, id, request).then(messages.find(tenantId, id));
    }

    @DeleteMapping("/{id}")
    Mono<MessageView> cancel(@RequestAttribute(TenantAttribute.NAME) String tenantId, @PathVariable String id) {
        return commands.cancel(tenantId, id).then(messages.find(tenantId, id));
    }

    @PostMapping("/{id}/retry")
    Mono<MessageView> retry(@RequestAttribute(TenantAttribute.NAME) String tenantId, @PathVariable String id) {
        return commands.retry(tenantId, id).then(messages.find(tenantId, id));
    }

    @PostMapping("/bulk")
    Mono<BulkRequest.Results> bulk(@RequestAttribute(TenantAttribute.NAME) String tenantId, @RequestBody BulkRequest request) {
        return bulk.apply(tenantId, request);
    }
}
