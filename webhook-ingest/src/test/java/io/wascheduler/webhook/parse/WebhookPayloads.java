package io.wascheduler.webhook.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The realistic webhook bodies under {@code src/test/resources/webhooks}, as Meta would send them. */
public final class WebhookPayloads {

    private WebhookPayloads() {
    }

    public static byte[] load(String name) {
        try (InputStream in = WebhookPayloads.class.getResourceAsStream("/webhooks/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test payload " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
