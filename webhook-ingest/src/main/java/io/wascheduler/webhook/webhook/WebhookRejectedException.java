package io.wascheduler.webhook.webhook;

import org.springframework.http.HttpStatus;

/** A webhook refused before anything was published, with the header or parameter at fault. */
final class WebhookRejectedException extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    WebhookRejectedException(HttpStatus status, String field, String detail) {
        super(detail);
        this.status = status;
        this.field = field;
    }

    HttpStatus status() {
        return status;
    }

    String field() {
        return field;
    }
}
