package io.wascheduler.sandbox.send;

import java.util.Optional;
import java.util.regex.Pattern;

/** Recipient numbers as Meta accepts them (with or without '+', spaces, dashes, brackets) turned into E.164. */
public final class PhoneNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().]");
    private static final Pattern E164_DIGITS = Pattern.compile("[1-9][0-9]{6,14}");

    private PhoneNumbers() {
    }

    /** The number in E.164 with a leading '+', or empty when it cannot be a phone number. */
    public static Optional<String> toE164(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(raw.strip()).replaceAll("");
        String digits = compact.startsWith("+") ? compact.substring(1) : compact;
        return E164_DIGITS.matcher(digits).matches() ? Optional.of("+" + digits) : Optional.empty();
    }
}
