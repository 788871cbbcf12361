package io.wascheduler.api.sender;

import io.wascheduler.api.problem.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The one place a decrypted access token leaves scheduler-api: the dispatcher's authenticated call
 * (internal token checked by the authentication filter).
 */
@RestController
class InternalSenderController {

    record SenderCredentials(String phoneNumberId, String accessToken, int throughputMps, String status) {

        @Override
        public String toString() {
            return "SenderCredentials[phoneNumberId=" + phoneNumberId + ", accessToken=<hidden>]";
        }
    }

    private final SenderRepository senders;
    private final TokenCipher cipher;

    InternalSenderController(SenderRepository senders, TokenCipher cipher) {
        this.senders = senders;
        this.cipher = cipher;
    }

    @GetMapping("/internal/v1/senders/{phoneNumberId}")
    Mono<SenderCredentials> credentials(@PathVariable String phoneNumberId) {
        return senders.credentials(phoneNumberId)
            .map(found -> new SenderCredentials(found.phoneNumberId(), cipher.decrypt(found.encryptedToken(), found.phoneNumberId()),
                found.throughputMps(), found.status()))
            .switchIfEmpty(Mono.error(() -> new NotFoundException("Unknown sender " + phoneNumberId)));
    }
}
