package io.wascheduler.api.message;

import io.wascheduler.api.problem.FieldError;
import io.wascheduler.model.content.MediaContent;
import io.wascheduler.model.content.MessageContent;
import io.wascheduler.model.content.TemplateContent;
import io.wascheduler.model.content.TextContent;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The contract's rules for one message, without Spring: recipient, content, send instant and attempts.
 * Each check returns the broken rules with the field path the client used, under {@code prefix}.
 */
public final class MessageRules {

    public static final Duration MAX_LEAD_TIME = Duration.ofDays(365);
    public static final Duration MAX_PAST = Duration.ofSeconds(60);
    public static final int MIN_ATTEMPTS = 1;
    public static final int MAX_ATTEMPTS = 10;
    public static final int DEFAULT_MAX_ATTEMPTS = 4;
    public static final int MAX_CAPTION_LENGTH = 1024;
    public static final int MAX_METADATA_ENTRIES = 20;
    public static final int MAX_METADATA_KEY_LENGTH = 64;
    public static final int MAX_METADATA_VALUE_LENGTH = 512;

    private final Clock clock;

    public MessageRules(Clock clock) {
        this.clock = clock;
    }

    public List<FieldError> checkRecipient(String field, String to) {
        return PhoneNumbers.isValidE164(to) ? List.of()
            : List.of(new FieldError(field, "must be a valid E.164 phone number such as +14155550123"));
    }

    public List<FieldError> checkContent(String field, MessageContent content) {
        List<FieldError> errors = new ArrayList<>();
        switch (content) {
            case null -> errors.add(new FieldError(field, "must not be null"));
            case TextContent text -> {
                if (text.text() == null || text.text().isBlank()) {
                    errors.add(new FieldError(field + ".text", "must not be blank"));
                } else if (text.text().length() > TextContent.MAX_LENGTH) {
                    errors.add(new FieldError(field + ".text", "must be at most " + TextContent.MAX_LENGTH + " characters"));
                }
            }
            case TemplateContent template -> {
                if (template.name() == null || template.name().isBlank()) {
                    errors.add(new FieldError(field + ".name", "must not be blank"));
                }
                if (template.language() == null || template.language().isBlank()) {
                    errors.add(new FieldError(field + ".language", "must not be blank"));
                }
                if (template.components() != null && !template.components().isNull() && !template.components().isArray()) {
                    errors.add(new FieldError(field + ".components", "must be an array"));
                }
            }
            case MediaContent media -> {
                if (!isHttpUrl(media.link())) {
                    errors.add(new FieldError(field + ".link", "must be an absolute http(s) URL"));
                }
                if (media.caption() != null && media.caption().length() > MAX_CAPTION_LENGTH) {
                    errors.add(new FieldError(field + ".caption", "must be at most " + MAX_CAPTION_LENGTH + " characters"));
                }
            }
        }
        return errors;
    }

    public List<FieldError> checkSendAt(String field, OffsetDateTime sendAt) {
        if (sendAt == null) {
            return List.of();
        }
        Instant now = clock.instant();
        Instant at = sendAt.toInstant();
        if (at.isAfter(now.plus(MAX_LEAD_TIME))) {
            return List.of(new FieldError(field, "must be at most " + MAX_LEAD_TIME.toDays() + " days ahead"));
        }
        if (at.isBefore(now.minus(MAX_PAST))) {
            return List.of(new FieldError(field, "must not be more than " + MAX_PAST.toSeconds() + " seconds in the past"));
        }
        return List.of();
    }

    public List<FieldError> checkMaxAttempts(String field, Integer maxAttempts) {
        if (maxAttempts != null && (maxAttempts < MIN_ATTEMPTS || maxAttempts > MAX_ATTEMPTS)) {
            return List.of(new FieldError(field, "must be between " + MIN_ATTEMPTS + " and " + MAX_ATTEMPTS));
        }
        return List.of();
    }

    /** Metadata travels with every event of the message, so it is kept small. */
    public List<FieldError> checkMetadata(String field, Map<String, String> metadata) {
        if (metadata == null) {
            return List.of();
        }
        List<FieldError> errors = new ArrayList<>();
        if (metadata.size() > MAX_METADATA_ENTRIES) {
            errors.add(new FieldError(field, "must have at most " + MAX_METADATA_ENTRIES + " entries"));
        }
        metadata.forEach((key, value) -> {
            if (key.isBlank() || key.length() > MAX_METADATA_KEY_LENGTH) {
                errors.add(new FieldError(field + "." + key, "keys must be 1 to " + MAX_METADATA_KEY_LENGTH + " characters"));
            } else if (value == null || value.length() > MAX_METADATA_VALUE_LENGTH) {
                errors.add(new FieldError(field + "." + key, "must be a string of at most " + MAX_METADATA_VALUE_LENGTH + " characters"));
            }
        });
        return errors;
    }

    /** Absent means now. */
    public Instant sendInstant(OffsetDateTime sendAt) {
        return sendAt == null ? clock.instant() : sendAt.toInstant();
    }

    public static int maxAttemptsOrDefault(Integer maxAttempts) {
        return maxAttempts == null ? DEFAULT_MAX_ATTEMPTS : maxAttempts;
    }

    private static boolean isHttpUrl(String link) {
        if (link == null || link.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(link);
            return uri.isAbsolute() && uri.getHost() != null
                && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
