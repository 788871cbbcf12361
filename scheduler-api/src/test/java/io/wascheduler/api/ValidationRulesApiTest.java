package io.wascheduler.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;

/**
 * One row per validation rule of the JSON endpoints: the request breaks exactly that rule and the answer is
 * a 400 problem document whose first error names the field and says what the rule wants.
 */
class ValidationRulesApiTest extends IntegrationTest {

    private TestTenant tenant;

    @BeforeEach
    void tenant() {
        tenant = newTenant();
    }

    static Stream<Arguments> rules() {
        return Stream.of(
            message("blank text", body -> body.put("content", Map.of("type", "text", "text", " ")), "content.text", "must not be blank"),
            message("missing content", body -> body.remove("content"), "content", "must not be null"),
            message("template without a name", body -> body.put("content", Map.of("type", "template", "name", "", "language", "en_US")),
                "content.name", "must not be blank"),
            message("template without a language", body -> body.put("content", Map.of("type", "template", "name", "promo")),
                "content.language", "must not be blank"),
            message("template components not an array", body -> body.put("content", Map.of("type", "template", "name", "promo",
                "language", "en_US", "components", Map.of("type", "body"))), "content.components", "must be an array"),
            message("media link not http", body -> body.put("content", Map.of("type", "image", "link", "ftp://x.io/a.png")),
                "content.link", "http(s) URL"),
            message("caption too long", body -> body.put("content", Map.of("type", "video", "link", "https://x.io/a.mp4",
                "caption", "c".repeat(1025))), "content.caption", "at most 1024"),
            message("maxAttempts below one", body -> body.put("maxAttempts", 0), "maxAttempts", "between 1 and 10"),
            message("not E.164", body -> body.put("to", "4155550123"), "to", "E.164"),
            message("too many metadata entries", body -> body.put("metadata", manyEntries(21)), "metadata", "at most 20 entries"),
            message("metadata key too long", body -> body.put("metadata", Map.of("k".repeat(65), "v")), "metadata." + "k".repeat(65),
                "1 to 64"),
            message("metadata value too long", body -> body.put("metadata", Map.of("order", "v".repeat(513))), "metadata.order",
                "at most 512"),
            campaign("blank name", body -> body.put("name", ""), "name", "must not be blank"),
            campaign("name too long", body -> body.put("name", "n".repeat(201)), "name", "at most"),
            campaign("empty recipients", body -> body.put("recipients", List.of()), "recipients", "at least one"),
            campaign("unknown sender", body -> body.put("from", "000"), "from", "one of your senders"),
            campaign("sendAt in the past", body -> body.put("sendAt", Instant.now().minus(1, ChronoUnit.HOURS).toString()),
                "sendAt", "in the past"),
            campaign("recipient without its var", body -> body.put("recipients", List.of(Map.of("to", "+14155550123"))),
                "recipients[0].vars", "no value for name"),
            campaign("recipient not a number", body -> body.put("recipients", List.of(Map.of("to", "+1", "vars", Map.of("name", "A")))),
                "recipients[0].to", "E.164"),
            campaign("unknown field", body -> body.put("schedule", "now"), "schedule", "unknown field"),
            Arguments.of("bulk without ids", "/v1/messages/bulk", Map.of("action", "cancel", "ids", List.of()), "ids", "at least one"),
            Arguments.of("bulk over 1000 ids", "/v1/messages/bulk", Map.of("action", "cancel",
                "ids", IntStream.range(0, 1001).mapToObj(i -> "id" + i).toList()), "ids", "at most 1000"),
            Arguments.of("sender token too long", "/v1/senders", Map.of("phoneNumberId", "123456", "displayPhoneNumber", "+1 555",
                "accessToken", "t".repeat(5000)), "accessToken", "at most"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachBrokenRuleIsABadRequestNamingTheField(String rule, String path, Map<String, Object> body, String field, String message) {
        Map<String, Object> request = new HashMap<>(body);
        if ("<sender>".equals(request.get("from"))) {
            request.put("from", tenant.sender());
        }
        tenant.post(path, request).expectStatus().isBadRequest()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status").isEqualTo(400)
            .jsonPath("$.title").isEqualTo("Invalid request")
            .jsonPath("$.errors[0].field").isEqualTo(field)
            .jsonPath("$.errors[0].message").value(String.class,
                actual -> assertThat(actual).contains(message));
    }

    private static Arguments message(String rule, Consumer<Map<String, Object>> breakIt, String field, String message) {
        Map<String, Object> body = new HashMap<>(Map.of("from", "<sender>", "to", "+14155550123",
            "content", Map.of("type", "text", "text", "Hello")));
        breakIt.accept(body);
        return Arguments.of(rule, "/v1/messages", body, field, message);
    }

    private static Arguments campaign(String rule, Consumer<Map<String, Object>> breakIt, String field, String message) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Sale", "from", "<sender>",
            "content", Map.of("type", "text", "text", "Hello {{name}}"),
            "recipients", List.of(Map.of("to", "+14155550123", "vars", Map.of("name", "Ann")))));
        breakIt.accept(body);
        return Arguments.of(rule, "/v1/campaigns", body, field, message);
    }

    private static Map<String, String> manyEntries(int count) {
        Map<String, String> entries = new HashMap<>();
        IntStream.range(0, count).forEach(i -> entries.put("k" + i, "v"));
        return entries;
    }
}
