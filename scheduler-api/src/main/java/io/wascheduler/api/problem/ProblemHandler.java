package io.wascheduler.api.problem;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Maps every failure a client can cause to application/problem+json; nothing else leaks out. */
@RestControllerAdvice
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
        return Problems.response(Problems.validation("The request breaks " + e.errors().size() + " rule(s)", e.errors()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return Problems.response(Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return Problems.response(Problems.problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e) {
        JacksonException jackson = findJacksonCause(e);
        if (jackson == null) {
            return Problems.response(Problems.problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", e.getReason()));
        }
        String field = JsonPaths.of(jackson);
        String message = switch (jackson) {
            case UnrecognizedPropertyException unknown -> "unknown field '" + unknown.getPropertyName() + "'";
            case InvalidTypeIdException typeId -> "unknown or missing type";
            default -> "malformed value";
        };
        if (jackson instanceof InvalidTypeIdException) {
            field = field.equals("body") ? "type" : field + ".type";
        }
        return Problems.response(Problems.validation("The request body could not be read", List.of(new FieldError(field, message))));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        return Problems.response(Problems.problem(status, "http-" + status.value(), status.getReasonPhrase(), e.getReason()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return Problems.response(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
            "The request could not be completed"));
    }

    private static JacksonException findJacksonCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                return jackson;
            }
        }
        return null;
    }
}
