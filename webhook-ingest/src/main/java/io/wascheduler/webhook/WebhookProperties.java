package io.wascheduler.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code wa.webhook.*}: the secrets Meta shares with us and the limits of the endpoint.
 *
 * @param appSecret the Meta app secret that keys {@code X-Hub-Signature-256}; never logged
 * @param verifyToken the token Meta echoes in the subscription handshake; never logged
 * @param maxBodySize the largest body accepted; Meta's payloads reach 3 MB
 * @param publishTimeout how long a POST waits for the broker's acknowledgements before answering 503
 */
@Validated
@ConfigurationProperties("wa.webhook")
public record WebhookProperties(
    @NotBlank String appSecret,
    @NotBlank String verifyToken,
    @NotNull @DefaultValue("3MB") DataSize maxBodySize,
    @NotNull @DefaultValue("10s") Duration publishTimeout) {

    public WebhookProperties {
        if (maxBodySize != null && (maxBodySize.toBytes() <= 0 || maxBodySize.toBytes() > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("wa.webhook.max-body-size must be between 1 byte and 2 GB");
        }
        if (publishTimeout != null && !publishTimeout.isPositive()) {
            throw new IllegalArgumentException("wa.webhook.publish-timeout must be positive");
        }
    }

    public int maxBodyBytes() {
        return (int) maxBodySize.toBytes();
    }

    /** Masks the secrets, so that a logged or printed configuration never reveals them. */
    @Override
    public String toString() {
        return "WebhookProperties[appSecret=******, verifyToken=******, maxBodySize=" + maxBodySize
            + ", publishTimeout=" + publishTimeout + "]";
    }
}
