package io.wascheduler.webhook.webhook;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Meta's webhook endpoint: the subscription handshake and the signed notifications. */
@RestController
@RequestMapping("/webhooks/whatsapp")
class WebhookController {

    private final SubscriptionHandshake handshake;
    private final WebhookReceiver receiver;

    WebhookController(SubscriptionHandshake handshake, WebhookReceiver receiver) {
        this.handshake = handshake;
        this.receiver = receiver;
    }

    @GetMapping
    ResponseEntity<String> verify(
        @RequestParam(name = SubscriptionHandshake.MODE, required = false) String mode,
        @RequestParam(name = SubscriptionHandshake.VERIFY_TOKEN, required = false) String token,
        @RequestParam(name = SubscriptionHandshake.CHALLENGE, required = false) String challenge) {
        String answer = handshake.answer(mode, token, challenge);
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(answer);
    }

    /** The body is taken as raw bytes from the request, never through a codec: the signature covers them. */
    @PostMapping
    Mono<ResponseEntity<Void>> receive(ServerHttpRequest request) {
        return receiver.receive(request.getHeaders(), request.getBody())
            .then(Mono.fromSupplier(() -> ResponseEntity.ok().build()));
    }
}
