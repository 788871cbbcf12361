package io.wascheduler.projector.query;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 answers: 404 for an id no instance knows, 503 with Retry-After while the projection rebalances. */
@RestControllerAdvice
class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    private final Duration retryAfter;

    ProblemResponses(QueryConfiguration.RetryAfter retryAfter) {
        this.retryAfter = retryAfter.value();
    }

    @ExceptionHandler(UnknownIdException.class)
    ResponseEntity<ProblemDetail> unknownId(UnknownIdException unknown) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, unknown.getMessage());
        problem.setTitle("Unknown " + unknown.kind());
        problem.setProperty(unknown.kind() + "Id", unknown.id());
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(problem);
    }

    @ExceptionHandler(ProjectionUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(ProjectionUnavailableException unavailable) {
        log.debug("Answering 503: {}", unavailable.getMessage());
        ProblemDetail problem =
            ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, unavailable.getMessage());
        problem.setTitle("Projection temporarily unavailable");
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(problem);
    }
}
