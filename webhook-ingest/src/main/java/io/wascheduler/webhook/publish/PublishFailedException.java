package io.wascheduler.webhook.publish;

/** The broker did not acknowledge every record of a webhook in time; Meta must retry it. */
public class PublishFailedException extends RuntimeException {

    PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
