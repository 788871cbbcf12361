package io.wascheduler.webhook.webhook;

import io.wascheduler.webhook.parse.MalformedWebhookException;
import io.wascheduler.webhook.publish.PublishFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every refusal as RFC 9457 problem+json naming the header, parameter or body at fault. */
@RestControllerAdvice(assignableTypes = WebhookController.class)
class WebhookProblems {

    private static final Logger log = LoggerFactory.getLogger(WebhookProblems.class);
    private static final String FIELD = "field";

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejected(WebhookRejectedException rejected) {
        log.info("Webhook request refused with {}: {}", rejected.status().value(), rejected.getMessage());
        return problem(rejected.status(), rejected.field(), rejected.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> malformed(MalformedWebhookException malformed) {
        return problem(HttpStatus.BAD_REQUEST, BoundedBodyReader.BODY, malformed.getMessage());
    }

    /** 503 makes Meta redeliver the webhook later, so nothing is lost while the broker is away. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unpublished(PublishFailedException unpublished) {
        log.warn("Webhook not acknowledged by Kafka, answering 503 so that Meta redelivers it: {}",
            unpublished.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, BoundedBodyReader.BODY,
            "the webhook could not be stored; retry later");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty(FIELD, field);
        return ResponseEntity.status(status).body(problem);
    }
}
