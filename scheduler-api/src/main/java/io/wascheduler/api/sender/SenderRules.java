package io.wascheduler.api.sender;

import io.wascheduler.api.problem.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The contract's rules for registering a sender. */
final class SenderRules {

    private static final Pattern PHONE_NUMBER_ID = Pattern.compile("\\d{1,32}");
    private static final int MAX_TOKEN_LENGTH = 4096;

    private SenderRules() {
    }

    static List<FieldError> check(SenderRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.phoneNumberId() == null || !PHONE_NUMBER_ID.matcher(request.phoneNumberId()).matches()) {
            errors.add(new FieldError("phoneNumberId", "must be Meta's numeric phone-number id"));
        }
        if (request.displayPhoneNumber() == null || request.displayPhoneNumber().isBlank()) {
            errors.add(new FieldError("displayPhoneNumber", "must not be blank"));
        }
        if (request.accessToken() == null || request.accessToken().isBlank()) {
            errors.add(new FieldError("accessToken", "must not be blank"));
        } else if (request.accessToken().length() > MAX_TOKEN_LENGTH) {
            errors.add(new FieldError("accessToken", "must be at most " + MAX_TOKEN_LENGTH + " characters"));
        }
        Integer mps = request.throughputMps();
        if (mps != null && (mps < 1 || mps > SenderRequest.MAX_THROUGHPUT_MPS)) {
            errors.add(new FieldError("throughputMps", "must be between 1 and " + SenderRequest.MAX_THROUGHPUT_MPS));
        }
        return errors;
    }
}
