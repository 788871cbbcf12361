package io.wascheduler.api.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.wascheduler.api.problem.FieldError;
import io.wascheduler.model.content.MediaContent;
import io.wascheduler.model.content.TemplateContent;
import io.wascheduler.model.content.TextContent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class MessageRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final MessageRules rules = new MessageRules(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aRealE164NumberIsAccepted() {
        assertThat(rules.checkRecipient("to", "+14155550123")).isEmpty();
        assertThat(rules.checkRecipient("to", "+442071838750")).isEmpty();
    }

    @Test
    void numbersThatAreNotRealE164AreRejectedNamingTheField() {
        for (String bad : new String[] {null, "14155550123", "+1 415 555 0123", "+1415555012", "+999123456789", "+10005550123", "hello"}) {
            assertThat(rules.checkRecipient("to", bad)).as(bad).extracting(FieldError::field).containsExactly("to");
        }
    }

    @Test
    void textMustBePresentAndAtMost4096Characters() {
        assertThat(rules.checkContent("content", new TextContent("x".repeat(4096), false))).isEmpty();
        assertThat(rules.checkContent("content", new TextContent("x".repeat(4097), false)))
            .containsExactly(new FieldError("content.text", "must be at most 4096 characters"));
        assertThat(rules.checkContent("content", new TextContent(" ", false)))
            .containsExactly(new FieldError("content.text", "must not be blank"));
    }

    @Test
    void aTemplateNeedsANameALanguageAndArrayComponents() {
        assertThat(rules.checkContent("content", new TemplateContent("sale", "en_US", JsonNodeFactory.instance.arrayNode()))).isEmpty();
        assertThat(rules.checkContent("content", new TemplateContent(null, "", JsonNodeFactory.instance.objectNode())))
            .extracting(FieldError::field).containsExactly("content.name", "content.language", "content.components");
    }

    @Test
    void mediaNeedsAnAbsoluteHttpLink() {
        assertThat(rules.checkContent("content", new MediaContent.Document("https://example.com/a.pdf", null, "a.pdf"))).isEmpty();
        assertThat(rules.checkContent("content", new MediaContent.Image("ftp://example.com/a.png", null)))
            .extracting(FieldError::field).containsExactly("content.link");
        assertThat(rules.checkContent("content", new MediaContent.Video(null, null)))
            .extracting(FieldError::field).containsExactly("content.link");
    }

    @Test
    void missingContentIsRejected() {
        assertThat(rules.checkContent("content", null)).extracting(FieldError::field).containsExactly("content");
    }

    @Test
    void sendAtMayBeUpTo365DaysAheadAndUpTo60SecondsInThePast() {
        assertThat(rules.checkSendAt("sendAt", at(NOW.plus(Duration.ofDays(365))))).isEmpty();
        assertThat(rules.checkSendAt("sendAt", at(NOW.minusSeconds(60)))).isEmpty();
        assertThat(rules.checkSendAt("sendAt", at(NOW.plus(Duration.ofDays(365)).plusSeconds(1))))
            .extracting(FieldError::field).containsExactly("sendAt");
        assertThat(rules.checkSendAt("sendAt", at(NOW.minusSeconds(61)))).extracting(FieldError::field).containsExactly("sendAt");
    }

    @Test
    void anAbsentSendAtMeansNow() {
        assertThat(rules.checkSendAt("sendAt", null)).isEmpty();
        assertThat(rules.sendInstant(null)).isEqualTo(NOW);
        assertThat(rules.sendInstant(OffsetDateTime.parse("2026-12-01T09:00:00+01:00"))).isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
    }

    @Test
    void maxAttemptsIsBetweenOneAndTenAndDefaultsToFour() {
        assertThat(rules.checkMaxAttempts("maxAttempts", 1)).isEmpty();
        assertThat(rules.checkMaxAttempts("maxAttempts", 10)).isEmpty();
        assertThat(rules.checkMaxAttempts("maxAttempts", 0)).extracting(FieldError::field).containsExactly("maxAttempts");
        assertThat(rules.checkMaxAttempts("maxAttempts", 11)).extracting(FieldError::field).containsExactly("maxAttempts");
        assertThat(MessageRules.maxAttemptsOrDefault(null)).isEqualTo(4);
    }

    @Test
    void metadataIsKeptSmall() {
        assertThat(rules.checkMetadata("metadata", Map.of("orderId", "A-17"))).isEmpty();
        assertThat(rules.checkMetadata("metadata", Map.of("note", "x".repeat(513))))
            .extracting(FieldError::field).containsExactly("metadata.note");
        Map<String, String> many = new HashMap<>();
        IntStream.range(0, 21).forEach(i -> many.put("k" + i, "v"));
        assertThat(rules.checkMetadata("metadata", many)).extracting(FieldError::field).containsExactly("metadata");
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.ofHours(2));
    }
}
