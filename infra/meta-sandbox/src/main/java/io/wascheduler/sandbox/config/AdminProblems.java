package io.wascheduler.sandbox.config;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;

/**
 * Bad input to the admin API becomes an RFC 9457 problem naming each offending field; it comes before Spring's own
 * problem details handler, whose detail for a binding failure names no field.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackages = "io.wascheduler.sandbox")
class AdminProblems {

    @ExceptionHandler(WebExchangeBindException.class)
    ProblemDetail invalidFields(WebExchangeBindException e) {
        List<String> fields = e.getFieldErrors().stream().map(AdminProblems::describe).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.join("; ", fields));
        problem.setTitle("Invalid request");
        problem.setProperty("fields", e.getFieldErrors().stream().map(FieldError::getField).toList());
        return problem;
    }

    private static String describe(FieldError error) {
        return error.getField() + ": " + error.getDefaultMessage();
    }
}
