package io.wascheduler.api.problem;

/** One invalid input: the JSON path of the field ({@code recipients[41].to}) and what is wrong with it. */
public record FieldError(String field, String message) {

    public FieldError prefixed(String prefix) {
        return new FieldError(prefix + field, message);
    }
}
