package io.wascheduler.webhook.parse;

/** The body is not a JSON document. */
public class MalformedWebhookException extends RuntimeException {

    public MalformedWebhookException(String message, Throwable cause) {
        super(message, cause);
    }
}
