package io.wascheduler.sandbox.sender;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Registers business numbers and their tokens; the token is never echoed back. */
@RestController
@RequestMapping("/sandbox/senders")
class SenderController {

    private final SenderRegistry registry;

    SenderController(SenderRegistry registry) {
        this.registry = registry;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    RegisteredSender register(@Valid @RequestBody Registration registration) {
        return RegisteredSender.of(registry.register(registration.phoneNumberId(), registration.accessToken(),
                registration.throughputMps(), registration.wabaId(), registration.displayPhoneNumber()));
    }

    @GetMapping
    List<RegisteredSender> list() {
        return registry.all().stream().map(RegisteredSender::of)
                .sorted(Comparator.comparing(RegisteredSender::phoneNumberId)).toList();
    }

    record Registration(@NotBlank @Pattern(regexp = "[0-9A-Za-z_.-]{1,64}") String phoneNumberId,
            @NotBlank String accessToken, @Positive Integer throughputMps,
            @Pattern(regexp = "[0-9]{1,32}") String wabaId,
            @Pattern(regexp = "[0-9]{6,15}") String displayPhoneNumber) {

        @Override
        public String toString() {
            return "Registration[" + phoneNumberId + "]";
        }
    }

    record RegisteredSender(String phoneNumberId, int throughputMps, String wabaId, String displayPhoneNumber) {
        static RegisteredSender of(Sender sender) {
            return new RegisteredSender(sender.phoneNumberId(), sender.throughputMps(), sender.wabaId(),
                    sender.displayPhoneNumber());
        }
    }
}
