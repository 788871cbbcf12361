package io.wascheduler.api.campaign;

import io.wascheduler.api.problem.FieldError;
import io.wascheduler.api.problem.InvalidRequestException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Validated {@code status}, {@code limit} and {@code cursor} query parameters of a list. */
record ListQuery(String status, int limit, String afterId) {

    static <E extends Enum<E>> ListQuery parse(String status, Integer limit, String cursor, Class<E> statuses) {
        List<FieldError> errors = new ArrayList<>();
        if (status != null && Arrays.stream(statuses.getEnumConstants()).noneMatch(s -> s.name().equals(status))) {
            errors.add(new FieldError("status", "must be one of " + Arrays.toString(statuses.getEnumConstants())));
        }
        int effectiveLimit = limit == null ? Page.DEFAULT_LIMIT : limit;
        if (effectiveLimit < 1 || effectiveLimit > Page.MAX_LIMIT) {
            errors.add(new FieldError("limit", "must be between 1 and " + Page.MAX_LIMIT));
        }
        String afterId = null;
        try {
            afterId = Page.decode(cursor);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("cursor", "is not a cursor this API returned"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new ListQuery(status, effectiveLimit, afterId);
    }
}
