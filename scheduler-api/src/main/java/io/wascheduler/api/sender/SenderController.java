package io.wascheduler.api.sender;

import io.wascheduler.api.auth.TenantAttribute;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/v1/senders")
class SenderController {

    private final SenderService senders;

    SenderController(SenderService senders) {
        this.senders = senders;
    }

    /** 201 for a new number; 200 when the tenant re-registers one it owns (e.g. to rotate the token). */
    @PostMapping
    Mono<ResponseEntity<Sender>> configure(@RequestAttribute(TenantAttribute.NAME) String tenantId,
                                           @RequestBody SenderRequest request) {
        return senders.configure(tenantId, request).map(configured -> configured.created()
            ? ResponseEntity.created(URI.create("/v1/senders/" + configured.sender().phoneNumberId())).body(configured.sender())
            : ResponseEntity.status(HttpStatus.OK).body(configured.sender()));
    }

    @GetMapping
    Flux<Sender> list(@RequestAttribute(TenantAttribute.NAME) String tenantId) {
        return senders.list(tenantId);
    }
}
