package io.wascheduler.sandbox.sender;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.wascheduler.sandbox.config.SandboxProperties;

import org.springframework.stereotype.Component;

/** The senders known from configuration or registered at runtime; registering again replaces. */
@Component
public class SenderRegistry {

    private final Map<String, Sender> senders = new ConcurrentHashMap<>();
    private final SandboxProperties properties;

    public SenderRegistry(SandboxProperties properties) {
        this.properties = properties;
        properties.senders().forEach(s -> register(s.phoneNumberId(), s.accessToken(), s.throughputMps(), s.wabaId(),
                s.displayPhoneNumber()));
    }

    public Sender register(String phoneNumberId, String accessToken, Integer throughputMps, String wabaId,
            String displayPhoneNumber) {
        Sender sender = new Sender(phoneNumberId, accessToken,
                throughputMps == null ? properties.defaultThroughputMps() : throughputMps,
                wabaId == null ? properties.defaultWabaId() : wabaId,
                displayPhoneNumber == null ? properties.defaultDisplayPhoneNumber() : displayPhoneNumber);
        senders.put(phoneNumberId, sender);
        return sender;
    }

    public Optional<Sender> find(String phoneNumberId) {
        return Optional.ofNullable(senders.get(phoneNumberId));
    }

    Collection<Sender> all() {
        return senders.values();
    }
}
